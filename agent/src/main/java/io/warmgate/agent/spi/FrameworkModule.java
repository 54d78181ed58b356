package io.warmgate.agent.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One framework the agent knows: the only thing a framework package must provide, registered in
 * {@code META-INF/services/io.warmgate.agent.spi.FrameworkModule}.
 *
 * <p>Implementations use JDK types only and must stay cheap to load: modules are discovered at start-up, before
 * the application's {@code main}, and the screens they give decide, with no parsing, which classes the agent
 * ever looks at. Everything that needs Byte Buddy lives in the {@link FrameworkWeaver} named by
 * {@link #weaverClassName()}, which is loaded only when a class passes one of this module's screens.
 */
public interface FrameworkModule {

    /** Short name, e.g. {@code servlet}; {@code <name>.enabled=false} turns the module off. */
    String name();

    /** What a class must look like to concern this module at all (see {@link ClassScreen}). */
    List<ClassScreen> screens();

    /**
     * The {@link FrameworkWeaver} implementation, by name so that discovering the module loads none of it. It
     * needs a public constructor taking a {@link WeaverContext}. Null for a module that works only through
     * {@link #entryHooks()} and {@link #outlineWeaverClassName()}: Byte Buddy is then never loaded for it.
     */
    String weaverClassName();

    /**
     * Classes whose presence in a class loader makes it likely that this module's {@link FrameworkWeaver} will be
     * needed there, so that the agent starts building Byte Buddy in the background, ahead of the first candidate
     * class (only for modules with a {@link #weaverClassName()}). Default: the markers of its screens. A module
     * whose markers are found in many applications that never need its weaver should name a narrower class: a
     * false head start costs those applications Byte Buddy's whole start-up.
     */
    default List<String> engineHeadStartMarkers() {
        List<String> markers = new ArrayList<String>();
        for (ClassScreen screen : screens()) {
            if (!markers.contains(screen.markerClass())) {
                markers.add(screen.markerClass());
            }
        }
        return markers;
    }

    /**
     * Gates woven without Byte Buddy (see {@link EntryHook}), into the classes that pass this module's screens. A
     * module should prefer them where a request entry is one plain method: they cost a fraction of the start-up.
     */
    default List<EntryHook> entryHooks() {
        return Collections.<EntryHook>emptyList();
    }

    /**
     * The {@link OutlineWeaver} implementation, by name, or null for none: method guards and detections that read
     * class files with ASM alone. Like entry hooks, they cost no Byte Buddy; a module should prefer them for
     * handlers it finds by their annotations.
     */
    default String outlineWeaverClassName() {
        return null;
    }
}
