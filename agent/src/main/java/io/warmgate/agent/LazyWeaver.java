package io.warmgate.agent;

import io.warmgate.agent.spi.FrameworkModule;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HandlerLog;

import java.util.List;

/**
 * Builds the {@link ClassWeaver} the first time a class needs it, and never before: a service without any
 * health handler class never loads Byte Buddy. Before that, it waits for the gate to be in the bridge
 * ({@link RuntimeStart}), so that woven code never meets a bridge without its gate. The implementation is named,
 * not referenced, so that the JVM loads none of it with this class. If it cannot be built, the agent says so
 * once and weaves nothing.
 */
final class LazyWeaver {

    static final String IMPLEMENTATION = "io.warmgate.agent.ByteBuddyWeaver";

    private final List<FrameworkModule> modules;
    private final WeaverContext context;
    private final HandlerLog handlers;
    private final AgentLog log;
    private final RuntimeStart runtime;
    private volatile ClassWeaver weaver;
    private volatile boolean failed;
    private boolean preparing;

    /** @param runtime the gate's start: nothing is woven before the gate is in the bridge, or if it failed */
    LazyWeaver(List<FrameworkModule> modules, WeaverContext context, HandlerLog handlers, AgentLog log,
               RuntimeStart runtime) {
        this.runtime = runtime;
        this.modules = modules;
        this.context = context;
        this.handlers = handlers;
        this.log = log;
    }

    /**
     * Builds the weaver on a daemon thread ({@code warmgate-engine}) and runs it once through a class of the
     * agent's own, so that Byte Buddy's classes are loaded and initialised while the application starts; the first
     * class that needs the weaver then finds it ready, or waits only for the rest. Later calls do nothing.
     */
    void prepareInBackground() {
        synchronized (this) {
            if (preparing || weaver != null || failed) {
                return;
            }
            preparing = true;
        }
        try {
            Thread thread = new Thread(new Runnable() {
                @Override
                public void run() {
                    ClassWeaver built = get();
                    if (built != null) {
                        long start = System.nanoTime();
                        built.warmUp();
                        log.debug("instrumentation engine warmed up in "
                                + StartupTimes.tenths(System.nanoTime() - start) + " ms");
                    }
                }
            }, "warmgate-engine");
            thread.setDaemon(true);
            thread.setContextClassLoader(null);
            thread.start();
        } catch (Throwable noThread) {
            // The first class that needs the weaver builds it, as without this head start.
        }
    }

    /** The weaver, built on first call; null if it could not be built. */
    ClassWeaver get() {
        ClassWeaver built = weaver;
        if (built != null || failed) {
            return built;
        }
        if (!runtime.awaitReady()) {
            return null; // the gate could not be built (said so already), or not in time: weave nothing
        }
        synchronized (this) {
            if (weaver == null && !failed) {
                long start = System.nanoTime();
                try {
                    weaver = (ClassWeaver) Class.forName(IMPLEMENTATION, true, LazyWeaver.class.getClassLoader())
                            .getConstructor(List.class, WeaverContext.class, HandlerLog.class, AgentLog.class)
                            .newInstance(modules, context, handlers, log);
                    log.debug("instrumentation engine ready in " + (System.nanoTime() - start) / 1000000 + " ms");
                } catch (Throwable failure) {
                    failed = true;
                    log.error("could not start the instrumentation engine on Java "
                            + System.getProperty("java.version") + " (" + failure + "); warmgate gates nothing, "
                            + "the application runs without it");
                }
            }
            return weaver;
        }
    }
}
