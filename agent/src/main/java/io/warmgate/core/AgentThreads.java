package io.warmgate.core;

/**
 * The agent's own threads. Each is a daemon, so nothing the agent starts can keep the JVM alive, and has no
 * context class loader: many are started from an application's request thread, and inheriting its loader would
 * pin the web application, which containers report as a leak on redeploy.
 */
public final class AgentThreads {

    private AgentThreads() {
    }

    /** A daemon thread with no context class loader, not started yet. */
    public static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        return thread;
    }

    /**
     * Starts {@link #daemon} at once. Throws what {@link Thread#start()} throws (an {@link OutOfMemoryError} when
     * the system has no thread left): every caller has its own way to carry on without the thread.
     */
    public static Thread startDaemon(Runnable task, String name) {
        Thread thread = daemon(task, name);
        thread.start();
        return thread;
    }
}
