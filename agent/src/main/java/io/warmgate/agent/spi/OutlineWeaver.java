package io.warmgate.agent.spi;

import java.util.List;

/**
 * The half of a {@link FrameworkModule} that works from class outlines, with ASM alone (no Byte Buddy): what it
 * guards ({@link MethodGuard}) and what it only reports ({@link OutlineDetection}). Only classes that passed the
 * module's screens are offered to it. Loaded on first need, never at start-up; needs a public constructor taking a
 * {@link WeaverContext}.
 */
public interface OutlineWeaver {

    List<MethodGuard> guards();

    List<OutlineDetection> detections();
}
