package io.warmgate.agent;

import io.warmgate.agent.spi.ClassScreen;
import io.warmgate.agent.spi.FrameworkModule;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HandlerLog;
import io.warmgate.core.HealthPathMatcher;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.List;

/** Registers the agent's one transformer for the enabled framework modules. JDK types only. */
final class Instrumenter {

    private Instrumenter() {
    }

    /**
     * @param lateAttach true when attached to a running JVM. Only then can a health handler already be loaded, so
     *                   only then are loaded classes offered again (retransformed); at start-up the few hundred JDK
     *                   classes loaded before {@code premain} hold no handler.
     */
    /**
     * @param runtime the gate's start, which the weaver waits for before it rewrites a class
     * @return the registered transformer; null when no module is enabled and none was registered
     */
    static ClassFileTransformer install(Instrumentation instrumentation, List<FrameworkModule> modules,
                                        HealthPathMatcher paths, HandlerLog handlers, AgentLog log,
                                        RuntimeStart runtime, boolean lateAttach) {
        ScreenIndex screens = new ScreenIndex(modules);
        if (screens.isEmpty()) {
            log.info("no framework module is enabled; nothing is instrumented");
            return null;
        }
        LoaderChecks loaders = new LoaderChecks(log);
        WeaverContext context = new WeaverContext(paths);
        HandlerTransformer transformer = new HandlerTransformer(screens, loaders,
                new EntryHookWeaver(log, handlers, context, runtime),
                new LazyWeaver(modules, context, handlers, log, runtime), log);
        boolean retransform = lateAttach && instrumentation.isRetransformClassesSupported();
        instrumentation.addTransformer(transformer, retransform);
        if (retransform) {
            retransformLoaded(instrumentation, modules, loaders, log);
        }
        return transformer;
    }

    /** Offers every loaded class whose loader sees some module's marker to the transformer again. */
    private static void retransformLoaded(Instrumentation instrumentation, List<FrameworkModule> modules,
                                          LoaderChecks loaders, AgentLog log) {
        int offered = 0;
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            ClassLoader loader = type.getClassLoader();
            if (!LoaderChecks.mayHoldHandlers(loader) || !instrumentation.isModifiableClass(type)
                    || !seesSomeMarker(loaders, loader, modules)) {
                continue;
            }
            try {
                instrumentation.retransformClasses(type);
                offered++;
            } catch (Throwable failure) {
                log.debug("could not look at the loaded class " + type.getName() + " again (" + failure + ")");
            }
        }
        log.debug(offered + " loaded classes looked at again after a late attach");
    }

    private static boolean seesSomeMarker(LoaderChecks loaders, ClassLoader loader, List<FrameworkModule> modules) {
        for (FrameworkModule module : modules) {
            for (ClassScreen screen : module.screens()) {
                if (loaders.sees(loader, screen.markerClass())) {
                    return true;
                }
            }
        }
        return false;
    }
}
