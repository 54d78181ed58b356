package io.warmgate.bridge;

/**
 * Carries a health check's request facts from the HTTP container's entry to the JAX-RS resource method on the
 * same thread, for containers that are not servlet containers (Jersey on Grizzly, Jersey on the JDK's HTTP
 * server). JAX-RS itself has no portable way to ask for the peer's socket address, so advice on the container's
 * request entry captures it here, and advice on the health resource method takes it to decide.
 *
 * <p>Only requests whose path is gated are captured; every other request leaves the thread-local untouched.
 * The container advice clears it when the request leaves the container, so nothing outlives the request. Lives
 * on the boot class path next to {@link GateBridge}, so it uses JDK types only.
 */
public final class CapturedRequest {

    /**
     * What a container's entry hook returns as its state when it captured the request: it then releases it on exit.
     * Never a start time ({@code GateBridge.businessStarted}), never {@code EntryHook.SKIP}.
     */
    public static final long CAPTURED_STATE = Long.MIN_VALUE + 1;

    private static final ThreadLocal<HealthRequest> CURRENT = new ThreadLocal<HealthRequest>();

    private CapturedRequest() {
    }

    /** Records the current request on this thread; the resource advice names the handler. */
    public static void capture(HealthRequest request) {
        CURRENT.set(request);
    }

    /**
     * Returns the request captured on this thread and forgets it, so one request is decided at most once even
     * if it passes several health resource methods. Null when nothing was captured: the request came through a
     * servlet container (whose own advice already decided it) or a container warmgate does not know.
     */
    public static HealthRequest take() {
        HealthRequest captured = CURRENT.get();
        if (captured != null) {
            CURRENT.remove();
        }
        return captured;
    }

    /** Forgets whatever is captured on this thread; called when the request leaves the container. */
    public static void clear() {
        CURRENT.remove();
    }

    /** Decides a captured request at the gate for the named resource: null to let it run, else the denial. */
    public static Denial decide(HealthRequest captured, String resource) {
        return GateBridge.check(captured.handledBy(resource));
    }
}
