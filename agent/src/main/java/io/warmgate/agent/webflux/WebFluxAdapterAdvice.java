package io.warmgate.agent.webflux;

import io.warmgate.bridge.Denial;
import io.warmgate.bridge.GateBridge;
import io.warmgate.bridge.HealthRequest;
import net.bytebuddy.asm.Advice;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;

/**
 * Inlined at the start of WebFlux's {@code HttpWebHandlerAdapter.handle(ServerHttpRequest, ServerHttpResponse)}, where
 * the reactive server hands over each request. For a gated health path from a denied peer it answers the 503 itself
 * and skips the method: no exchange is built and no handler, filter or controller runs. Everything else passes
 * untouched.
 *
 * <p>Per-request cost for everything that is not a health check: the request path the server already parsed and
 * one {@code GateBridge.isGated} check (allocation-free), the same check the servlet advice makes. The peer address
 * is read from the socket the server reports ({@code getRemoteAddress()}), before Spring's forwarded-header handling
 * runs, or from the configured peer header.
 *
 * <p>Uses only methods that Spring 6 and 7 both have; {@link WebFluxModule} keeps it out of older Springs.
 */
public final class WebFluxAdapterAdvice {

    /** How the gate's "health handler found" line names what serves a gated path, as the servlet line names a servlet. */
    static final String HANDLER = "org.springframework.web.server.adapter.HttpWebHandlerAdapter";

    private WebFluxAdapterAdvice() {
    }

    /**
     * @return the denial's answer, which skips the method and becomes its return value; null to let the request
     *         through untouched
     */
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    public static Mono<Void> denyBeforeHandler(@Advice.Argument(0) ServerHttpRequest request,
                                               @Advice.Argument(1) ServerHttpResponse response) {
        try {
            String path = request.getURI().getRawPath();
            if (!GateBridge.isGated(path)) {
                if (GateBridge.watchesBusiness()) {
                    String peerHeader = GateBridge.peerHeaderName();
                    HttpHeaders headers = request.getHeaders();
                    GateBridge.businessRequest(GateBridge.hostAddress(request.getRemoteAddress()),
                            peerHeader == null ? null : headers.getFirst(peerHeader),
                            headers.getFirst(GateBridge.WARMUP_HEADER));
                }
                return null;
            }
            // Every value in a local first: a conditional between "new" and its constructor call leaves
            // uninitialised-object stack frames that cannot be moved when the advice is inlined.
            HttpHeaders headers = request.getHeaders();
            String peerHeader = GateBridge.peerHeaderName();
            String peerHeaderValue = peerHeader == null ? null : headers.getFirst(peerHeader);
            InetSocketAddress local = request.getLocalAddress();
            int localPort = local == null ? -1 : local.getPort();
            String remoteAddress = GateBridge.hostAddress(request.getRemoteAddress());
            String localAddress = GateBridge.hostAddress(local);
            HealthRequest health = new HealthRequest(path, remoteAddress, localAddress, localPort, peerHeaderValue,
                    headers.getFirst(GateBridge.WARMUP_HEADER), headers.getFirst("User-Agent"),
                    headers.getFirst(GateBridge.FLEET_HEADER), "spring-webflux", HANDLER, null);
            Denial denial = GateBridge.check(health);
            if (denial == null || response.isCommitted()) {
                return null;
            }
            // What can fail comes before the response is touched: a failure must leave it to the application, not
            // half a denial.
            byte[] body = denial.body().getBytes("UTF-8");
            boolean head = HttpMethod.HEAD.equals(request.getMethod());
            Mono<DataBuffer> content = head ? null : Mono.just(response.bufferFactory().wrap(body));
            HttpHeaders answer = response.getHeaders();
            response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
            answer.set(GateBridge.RESPONSE_HEADER, denial.headerValue());
            answer.set("Cache-Control", "no-store");
            answer.set("Content-Type", "text/plain;charset=UTF-8");
            answer.setContentLength(body.length);
            return content == null ? response.setComplete() : response.writeWith(content);
        } catch (Throwable failure) {
            GateBridge.failed("webflux advice", failure);
            return null;
        }
    }

    /** A denied request returns the denial's answer in place of the skipped method's. */
    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void answerTheDenial(@Advice.Enter Mono<Void> denial,
                                       @Advice.Return(readOnly = false) Mono<Void> returned) {
        if (denial != null) {
            returned = denial;
        }
    }
}
