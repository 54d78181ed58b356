package io.warmgate.agent;

import io.warmgate.core.AgentLog;

import java.lang.instrument.ClassFileTransformer;
import java.lang.ref.WeakReference;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The agent's one class file transformer: a plain JDK one, so that registering it at start-up loads nothing of
 * Byte Buddy. For each loading class it asks, cheapest first: is this a loader that can hold health handlers
 * at all; does the class pass some module's screen by name or constant pool ({@link ScreenIndex}); does its
 * loader see that module's marker class and the bridge ({@link LoaderChecks}). Only a class that passes all of
 * that is woven: by the {@link EntryHookWeaver} (ASM alone) for modules with entry hooks, by the
 * {@link ClassWeaver} for the others, which is built, and Byte Buddy loaded, the first time such a class comes.
 *
 * <p>Never throws: a failure leaves the class as it is, with one warning.
 */
final class HandlerTransformer implements ClassFileTransformer {

    /** The agent's own classes (and its shaded libraries), which are loaded by the application's class loader. */
    private static final String[] OWN_PACKAGES = {
        "io/warmgate/agent/", "io/warmgate/bridge/", "io/warmgate/config/", "io/warmgate/core/",
        "io/warmgate/cli/", "io/warmgate/shaded/",
    };

    /** Set while this thread weaves: classes loaded meanwhile (Byte Buddy's own, say) are left alone. */
    private static final ThreadLocal<Boolean> WEAVING = new ThreadLocal<Boolean>();

    private final ScreenIndex screens;
    private final LoaderChecks loaders;
    private final EntryHookWeaver entryHooks;
    private final LazyWeaver weaver;
    private final AgentLog log;
    /** Set once the engine's build was started ahead of the first candidate (or that was found not possible). */
    private volatile boolean engineRequested;
    /** The loaders whose head-start check was started, held weakly so that they can still go. */
    private final Map<ClassLoader, Boolean> headStartAsked = new WeakHashMap<ClassLoader, Boolean>();
    /**
     * The loader of the last class that asked. Classes come in long runs from one loader, so this spares nearly every
     * class the synchronised weak-map look-up above. Weak, so that a discarded loader can still go.
     */
    private volatile WeakReference<ClassLoader> lastLoaderAsked = new WeakReference<ClassLoader>(null);

    HandlerTransformer(ScreenIndex screens, LoaderChecks loaders, EntryHookWeaver entryHooks, LazyWeaver weaver,
                       AgentLog log) {
        this.screens = screens;
        this.loaders = loaders;
        this.entryHooks = entryHooks;
        this.weaver = weaver;
        this.log = log;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) {
        if (className == null || !LoaderChecks.mayHoldHandlers(loader) || isOwn(className)
                || WEAVING.get() != null) {
            return null;
        }
        if (!engineRequested && lastLoaderAsked.get() != loader) {
            checkForHeadStartInBackground(loader);
        }
        try {
            List<ScreenIndex.Entry> candidates = visibleCandidates(loader, screens.candidates(className, classFile));
            if (candidates.isEmpty() || !loaders.linksToBridge(loader)) {
                return null;
            }
            WEAVING.set(Boolean.TRUE);
            try {
                return weave(loader, className, classBeingRedefined != null, classFile, candidates);
            } finally {
                WEAVING.remove();
            }
        } catch (Throwable failure) {
            log.warnOnce("transform:" + failure.getClass().getName(), "could not look at " + className.replace('/', '.')
                    + " (" + failure + "); it runs unchanged");
            return null;
        }
    }

    /**
     * Entry hooks first (ASM alone), then, only for the candidates of modules that need it, Byte Buddy on the
     * result. Most web services' candidates are servlets and filters, and never get to Byte Buddy.
     */
    private byte[] weave(ClassLoader loader, String className, boolean alreadyLoaded, byte[] classFile,
                         List<ScreenIndex.Entry> candidates) {
        byte[] current = classFile;
        List<ScreenIndex.Entry> hooked = EntryHookWeaver.hooked(candidates);
        if (!hooked.isEmpty()) {
            byte[] woven = entryHooks.weave(loader, className, current, hooked, alreadyLoaded);
            current = woven != null ? woven : current;
        }
        List<ScreenIndex.Entry> forEngine = new ArrayList<ScreenIndex.Entry>(candidates.size());
        for (ScreenIndex.Entry entry : candidates) {
            if (entry.module.weaverClassName() != null) {
                forEngine.add(entry);
            }
        }
        if (!forEngine.isEmpty()) {
            ClassWeaver classWeaver = weaver.get();
            byte[] woven = classWeaver == null ? null : classWeaver.weave(loader, className, current, forEngine);
            current = woven != null ? woven : current;
        }
        return current == classFile ? null : current;
    }

    /**
     * Starts Byte Buddy's build in the background when a loader sees a head-start marker of a framework woven with
     * it (WebFlux, gRPC, ...): such an application almost always has health handler classes, which come later in its
     * start, and by then the engine is ready. An application whose only frameworks are woven with ASM alone
     * (servlets, filters, JAX-RS, Spring MVC) never loads Byte Buddy.
     *
     * <p>The markers are looked up on a daemon thread of their own, once per loader, never on the thread that loads
     * the class: a marker that is absent is a miss in every jar the loader has, and in a Spring Boot fat jar a few
     * such misses cost 85-95 ms of the main thread's start-up (measured on the Spring Boot 3 sample).
     */
    private void checkForHeadStartInBackground(ClassLoader loader) {
        lastLoaderAsked = new WeakReference<ClassLoader>(loader);
        synchronized (headStartAsked) {
            if (headStartAsked.put(loader, Boolean.TRUE) != null) {
                return;
            }
        }
        final WeakReference<ClassLoader> checked = new WeakReference<ClassLoader>(loader);
        try {
            Thread thread = new Thread(new Runnable() {
                @Override
                public void run() {
                    ClassLoader candidate = checked.get();
                    if (candidate == null || engineRequested) {
                        return;
                    }
                    WEAVING.set(Boolean.TRUE); // the loader's resource lookups may load classes: leave those alone
                    try {
                        if (loaders.seesAnyOf(candidate, screens.engineMarkerClasses())) {
                            engineRequested = true;
                            weaver.prepareInBackground();
                        }
                    } catch (Throwable failure) {
                        // No head start; the first candidate builds the engine as it comes.
                    } finally {
                        WEAVING.remove();
                    }
                }
            }, "warmgate-engine-check");
            thread.setDaemon(true);
            thread.setContextClassLoader(null);
            thread.start();
        } catch (Throwable noThread) {
            // No head start; the first candidate builds the engine as it comes.
        }
    }

    /** The candidates whose framework the class's loader can see at all (and not a rival that wins over it). */
    private List<ScreenIndex.Entry> visibleCandidates(ClassLoader loader, List<ScreenIndex.Entry> candidates) {
        if (candidates.isEmpty()) {
            return candidates;
        }
        List<ScreenIndex.Entry> visible = new ArrayList<ScreenIndex.Entry>(candidates.size());
        for (ScreenIndex.Entry entry : candidates) {
            String rival = entry.screen.rivalMarkerClass();
            if (loaders.sees(loader, entry.screen.markerClass()) && (rival == null || !loaders.sees(loader, rival))) {
                visible.add(entry);
            }
        }
        return visible.isEmpty() ? Collections.<ScreenIndex.Entry>emptyList() : visible;
    }

    private static boolean isOwn(String className) {
        if (!className.startsWith("io/warmgate/")) {
            return false;
        }
        for (String prefix : OWN_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
