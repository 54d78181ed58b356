package io.warmgate.bridge;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Carries a gRPC health check's request facts from where grpc-java starts the call, which sees the transport's
 * remote address and the request metadata, to where the health service answers it, which sees neither.
 *
 * <p>The two points need not run on the same thread: grpc-java starts a call and delivers its half-close as
 * separate tasks of the call's serializing executor. What they share is the call's {@code io.grpc.Context}, which
 * grpc-java makes current for both (and which interceptors that replace it replace for both). So the facts are
 * kept per context object, by identity (a context has no equality of its own), with weak keys: an entry whose call
 * ended without reaching the health service (cancelled, or served by a handler the agent does not weave) goes
 * away with the call's context. Only health checks are ever put here. Lives on the boot class path next to
 * {@link GateBridge}, so it uses JDK types only, and keys are plain {@code Object}s.
 */
public final class CapturedCalls {

    /** The one gRPC method the agent gates, as grpc-java names it ({@code MethodDescriptor.getFullMethodName}). */
    public static final String GRPC_HEALTH_CHECK = "grpc.health.v1.Health/Check";

    /** The health check's "path" for the gate, its rules and its log: the call's HTTP/2 {@code :path}. */
    public static final String GRPC_HEALTH_CHECK_PATH = "/" + GRPC_HEALTH_CHECK;

    /**
     * Bounds the map should calls pile up that are captured and never answered: beyond it, checks are not
     * captured, so they are answered as without the agent. Far above any real number of checks in flight.
     */
    static final int MAX_PENDING = 4096;

    private static final Map<Object, HealthRequest> PENDING = new WeakHashMap<Object, HealthRequest>();

    private CapturedCalls() {
    }

    /** Records the health check whose call runs in {@code callContext}; the service advice names the handler. */
    public static void capture(Object callContext, HealthRequest request) {
        if (callContext == null || request == null) {
            return;
        }
        synchronized (PENDING) {
            if (PENDING.size() < MAX_PENDING) {
                PENDING.put(callContext, request);
            }
        }
    }

    /**
     * Returns the health check captured for {@code callContext} and forgets it, so a call is decided at most once
     * even if its answer passes through several health services (one delegating to another). Null when nothing was
     * captured: the call did not come through grpc-java's stub handler, or not as a health check.
     */
    public static HealthRequest take(Object callContext) {
        if (callContext == null) {
            return null;
        }
        synchronized (PENDING) {
            return PENDING.remove(callContext);
        }
    }

    /** The literal address of a transport address, never a name; a non-IP address (in-process, Unix) as text. */
    public static String address(SocketAddress socket) {
        if (socket instanceof InetSocketAddress) {
            return GateBridge.hostAddress((InetSocketAddress) socket);
        }
        return socket == null ? null : socket.toString();
    }

    /** Number of checks captured and not yet answered, for tests. */
    static int pending() {
        synchronized (PENDING) {
            return PENDING.size();
        }
    }
}
