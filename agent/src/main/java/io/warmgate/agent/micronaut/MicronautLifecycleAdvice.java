package io.warmgate.agent.micronaut;

import io.micronaut.core.execution.ExecutionFlow;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.warmgate.bridge.Denial;
import io.warmgate.bridge.GateBridge;
import io.warmgate.bridge.HealthRequest;
import net.bytebuddy.asm.Advice;

import java.net.InetSocketAddress;

/**
 * Inlined at the start of Micronaut's {@code RequestLifecycle.normalFlow(HttpRequest)}, which the Netty server calls
 * once per request, before any filter, route or endpoint runs. For a gated health path from a denied peer it returns
 * the 503 as the flow's response and skips the method: no filter, controller or health indicator runs, and Micronaut
 * writes the answer as it writes any other (content length, keep-alive, no body for HEAD). Everything else passes
 * untouched.
 *
 * <p>Per-request cost for everything that is not a health check: the request's path, which Micronaut parses once and
 * caches for its router anyway, and one {@code GateBridge.isGated} check. The peer is the socket's remote address
 * ({@code getRemoteAddress()}, the channel's), never a forwarding header unless the agent is configured to use one.
 */
public final class MicronautLifecycleAdvice {

    /** How the gate's "health handler found" line names what serves a gated path, at its first health check. */
    static final String HANDLER = "io.micronaut.http.server.RequestLifecycle";

    private MicronautLifecycleAdvice() {
    }

    /**
     * @return the denial's flow, which skips the method and becomes its return value; null to let the request
     *         through untouched
     */
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    public static ExecutionFlow<?> denyBeforeRoute(@Advice.Argument(0) HttpRequest<?> request) {
        try {
            String path = request.getPath();
            if (!GateBridge.isGated(path)) {
                if (GateBridge.watchesBusiness()) {
                    String peerHeader = GateBridge.peerHeaderName();
                    HttpHeaders headers = request.getHeaders();
                    GateBridge.businessRequest(GateBridge.hostAddress(request.getRemoteAddress()),
                            peerHeader == null ? null : headers.get(peerHeader),
                            headers.get(GateBridge.WARMUP_HEADER));
                }
                return null;
            }
            // Every value in a local first: a conditional between "new" and its constructor call leaves
            // uninitialised-object stack frames that cannot be moved when the advice is inlined.
            HttpHeaders headers = request.getHeaders();
            String peerHeader = GateBridge.peerHeaderName();
            String peerHeaderValue = peerHeader == null ? null : headers.get(peerHeader);
            InetSocketAddress local = request.getServerAddress();
            int localPort = local == null ? -1 : local.getPort();
            String remoteAddress = GateBridge.hostAddress(request.getRemoteAddress());
            String localAddress = GateBridge.hostAddress(local);
            String warmupMarker = headers.get(GateBridge.WARMUP_HEADER);
            String userAgent = headers.get("User-Agent");
            String fleetMarker = headers.get(GateBridge.FLEET_HEADER);
            HealthRequest health = new HealthRequest(path, remoteAddress, localAddress, localPort, peerHeaderValue,
                    warmupMarker, userAgent, fleetMarker, "micronaut", HANDLER, null);
            Denial denial = GateBridge.check(health);
            if (denial == null) {
                return null;
            }
            // Built completely before it is handed over: a failure here leaves the request to the application.
            MutableHttpResponse<String> answer = HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(GateBridge.RESPONSE_HEADER, denial.headerValue())
                    .header("Cache-Control", "no-store")
                    .header("Content-Type", "text/plain;charset=UTF-8")
                    .body(denial.body());
            return ExecutionFlow.just(answer);
        } catch (Throwable failure) {
            GateBridge.failed("micronaut advice", failure);
            return null;
        }
    }

    /** A denied request returns the denial's flow in place of the skipped method's. */
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void answerTheDenial(@Advice.Enter ExecutionFlow<?> denial,
                                       @Advice.Return(readOnly = false) ExecutionFlow<?> returned) {
        if (denial != null) {
            returned = denial;
        }
    }
}
