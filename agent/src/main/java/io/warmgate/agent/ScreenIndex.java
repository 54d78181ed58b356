package io.warmgate.agent;

import io.warmgate.agent.spi.ClassScreen;
import io.warmgate.agent.spi.FrameworkModule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every enabled module's {@link ClassScreen}s, indexed so that one loading class costs one hash lookup and one
 * constant-pool scan, whatever the number of modules. Answers which screens a class passes by its name or
 * constants; the class loader's part of a screen (the marker) is {@link LoaderChecks}'.
 */
final class ScreenIndex {

    /** One screen of one module. */
    static final class Entry {
        final FrameworkModule module;
        final ClassScreen screen;

        Entry(FrameworkModule module, ClassScreen screen) {
            this.module = module;
            this.screen = screen;
        }
    }

    private final Map<String, List<Entry>> byName = new HashMap<String, List<Entry>>();
    /** {@code byPrefix.get(i)} owns prefix {@code i} of {@link #constants}. */
    private final List<Entry> byPrefix = new ArrayList<Entry>();
    private final ClassFileScreen constants;
    /** The head-start markers of every module woven with Byte Buddy, once each. */
    private final List<String> engineMarkers = new ArrayList<String>();

    ScreenIndex(List<FrameworkModule> modules) {
        List<String> prefixes = new ArrayList<String>();
        for (FrameworkModule module : modules) {
            if (module.weaverClassName() != null) {
                for (String marker : module.engineHeadStartMarkers()) {
                    if (!engineMarkers.contains(marker)) {
                        engineMarkers.add(marker);
                    }
                }
            }
            for (ClassScreen screen : module.screens()) {
                Entry entry = new Entry(module, screen);
                for (String name : screen.internalNames()) {
                    List<Entry> entries = byName.get(name);
                    if (entries == null) {
                        entries = new ArrayList<Entry>(1);
                        byName.put(name, entries);
                    }
                    entries.add(entry);
                }
                for (String prefix : screen.constantPrefixes()) {
                    prefixes.add(prefix);
                    byPrefix.add(entry);
                }
            }
        }
        this.constants = new ClassFileScreen(prefixes);
    }

    /** The screens {@code internalName} passes by its name or its constants; empty for most classes. */
    List<Entry> candidates(String internalName, byte[] classFile) {
        List<Entry> named = byName.get(internalName);
        long bits = constants.matches(classFile);
        if (bits == 0L) {
            return named == null ? Collections.<Entry>emptyList() : named;
        }
        List<Entry> found = new ArrayList<Entry>(named == null ? Collections.<Entry>emptyList() : named);
        for (int i = 0; i < byPrefix.size(); i++) {
            Entry entry = byPrefix.get(i);
            if ((bits & (1L << i)) != 0 && !found.contains(entry) && !entry.screen.isOwnClass(internalName)) {
                found.add(entry);
            }
        }
        return found;
    }

    /**
     * The head-start markers of the modules woven with Byte Buddy ({@link FrameworkModule#engineHeadStartMarkers}):
     * a loader that sees one of them will most likely need Byte Buddy.
     */
    List<String> engineMarkerClasses() {
        return engineMarkers;
    }

    /** The modules of {@code candidates}, once each, in order. */
    static List<FrameworkModule> modulesOf(List<Entry> candidates) {
        List<FrameworkModule> modules = new ArrayList<FrameworkModule>(candidates.size());
        for (Entry entry : candidates) {
            if (!modules.contains(entry.module)) {
                modules.add(entry.module);
            }
        }
        return modules;
    }

    /** True when no module screens anything: the transformer then has nothing to do. */
    boolean isEmpty() {
        return byName.isEmpty() && byPrefix.isEmpty();
    }
}
