package io.warmgate.agent.spi;

import java.util.List;

/**
 * The Byte Buddy half of a {@link FrameworkModule}: what it gates (advice woven into methods) and what it only
 * detects (handlers reported in the log). Only classes that passed the module's screens are offered to it.
 * Loaded on first need, never at start-up.
 */
public interface FrameworkWeaver {

    /** Advice to weave: each into the methods it names of the types it matches. */
    List<Weaving> gates();

    /** Health handlers to report as their classes load, without changing them. */
    List<Detection> detections();
}
