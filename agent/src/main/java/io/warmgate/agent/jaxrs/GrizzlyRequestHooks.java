package io.warmgate.agent.jaxrs;

import io.warmgate.agent.spi.EntryHook;
import io.warmgate.bridge.CapturedRequest;
import io.warmgate.bridge.GateBridge;
import io.warmgate.bridge.HealthRequest;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Hooked into Jersey's {@code GrizzlyHttpContainer.service(Request, Response)} (see {@link EntryHook}): captures a
 * gated request for the JAX-RS resource guard and releases it when the request leaves the container.
 *
 * <p>Per-request cost for everything that is not a health check: reading the request path Grizzly already
 * parsed and one {@code GateBridge.isGated} check (allocation-free), the same check the servlet hook makes.
 * The thread-local is only touched for gated paths.
 */
public final class GrizzlyRequestHooks {

    private GrizzlyRequestHooks() {
    }

    /**
     * @return {@link CapturedRequest#CAPTURED_STATE} when this request was captured and must be released on exit;
     *         else the business request's start (see {@link GateBridge#businessStarted}), 0 when not timed
     */
    public static long enter(Object container, Request request, Response response) {
        try {
            String path = request.getRequestURI();
            String peerHeader = GateBridge.peerHeaderName();
            if (!GateBridge.isGated(path)) {
                if (GateBridge.watchesBusiness()) {
                    GateBridge.businessRequest(request.getRemoteAddr(),
                            peerHeader == null ? null : request.getHeader(peerHeader),
                            request.getHeader(GateBridge.WARMUP_HEADER));
                }
                return GateBridge.businessStarted();
            }
            String peerHeaderValue = peerHeader == null ? null : request.getHeader(peerHeader);
            HealthRequest health = new HealthRequest(path, request.getRemoteAddr(), request.getLocalAddr(),
                    request.getLocalPort(), peerHeaderValue, request.getHeader(GateBridge.WARMUP_HEADER),
                    request.getHeader("User-Agent"), request.getHeader(GateBridge.FLEET_HEADER), null, null, "grizzly");
            CapturedRequest.capture(health);
            return CapturedRequest.CAPTURED_STATE;
        } catch (Throwable failure) {
            GateBridge.failed("grizzly request capture", failure);
            return 0L;
        }
    }

    /** Releases a captured request; reports a timed business request unless its response was suspended. */
    public static void exit(Throwable thrown, Object container, Request request, Response response, long state) {
        if (state == CapturedRequest.CAPTURED_STATE) {
            CapturedRequest.clear();
            return;
        }
        if (state == 0L) {
            return;
        }
        try {
            if (response.isSuspended()) {
                GateBridge.businessAbandoned();
                return;
            }
            GateBridge.businessEnded(state, request.getMethod().getMethodString(), request.getRequestURI(),
                    request.getQueryString(), thrown != null ? 500 : response.getStatus(),
                    request.getHeader(GateBridge.WARMUP_HEADER));
        } catch (Throwable failure) {
            GateBridge.businessAbandoned();
            GateBridge.failed("grizzly advice (exit)", failure);
        }
    }
}
