package io.warmgate.agent.jaxrs;

import io.warmgate.bridge.CapturedRequest;
import io.warmgate.bridge.GateBridge;
import io.warmgate.bridge.HealthRequest;
import net.bytebuddy.asm.Advice;
import org.glassfish.grizzly.http.server.Request;

/**
 * Inlined into Jersey's {@code GrizzlyHttpContainer.service(Request, Response)}: captures a gated request for
 * the JAX-RS resource advice and releases it when the request leaves the container.
 *
 * <p>Per-request cost for everything that is not a health check: reading the request path Grizzly already
 * parsed and one {@code GateBridge.isGated} check (allocation-free), the same check the servlet advice makes.
 * The thread-local is only touched for gated paths.
 */
public final class GrizzlyRequestAdvice {

    private GrizzlyRequestAdvice() {
    }

    /** @return true when this request was captured and must be released on exit */
    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static boolean capture(@Advice.Argument(0) Request request) {
        try {
            String path = request.getRequestURI();
            String peerHeader = GateBridge.peerHeaderName();
            if (!GateBridge.isGated(path)) {
                if (GateBridge.watchesBusiness()) {
                    GateBridge.businessRequest(request.getRemoteAddr(),
                            peerHeader == null ? null : request.getHeader(peerHeader),
                            request.getHeader(GateBridge.WARMUP_HEADER));
                }
                return false;
            }
            // Every value in a local first: a conditional between "new" and its constructor call leaves
            // uninitialised-object stack frames that cannot be moved when the advice is inlined.
            String peerHeaderValue = peerHeader == null ? null : request.getHeader(peerHeader);
            HealthRequest health = new HealthRequest(path, request.getRemoteAddr(), request.getLocalAddr(),
                    request.getLocalPort(), peerHeaderValue, request.getHeader(GateBridge.WARMUP_HEADER),
                    request.getHeader("User-Agent"), request.getHeader(GateBridge.FLEET_HEADER), "grizzly");
            CapturedRequest.capture(health);
            return true;
        } catch (Throwable failure) {
            GateBridge.failed("grizzly request capture", failure);
            return false;
        }
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void release(@Advice.Enter boolean captured) {
        if (captured) {
            CapturedRequest.clear();
        }
    }
}
