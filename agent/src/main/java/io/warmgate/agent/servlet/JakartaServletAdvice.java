package io.warmgate.agent.servlet;

import io.warmgate.bridge.Denial;
import io.warmgate.bridge.GateBridge;
import io.warmgate.bridge.HealthRequest;
import net.bytebuddy.asm.Advice;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Inlined at the start of {@code jakarta.servlet} {@code service(ServletRequest, ServletResponse)}. For a gated
 * health path from a denied peer it writes the 503 and skips the servlet; otherwise it changes nothing.
 *
 * <p>{@link JavaxServletAdvice} is the same code against the {@code javax.servlet} types: inlined advice
 * cannot share a method across the two namespaces, so the logic itself lives in {@link GateBridge}.
 */
public final class JakartaServletAdvice {

    private JakartaServletAdvice() {
    }

    /** @return true to skip the servlet because a denial was written */
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    public static boolean denyBeforeHandler(@Advice.This Object servlet,
                                            @Advice.Argument(0) ServletRequest request,
                                            @Advice.Argument(1) ServletResponse response) {
        try {
            if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
                return false;
            }
            HttpServletRequest http = (HttpServletRequest) request;
            String path = http.getRequestURI();
            if (!GateBridge.isGated(path)) {
                if (GateBridge.watchesBusiness()) {
                    String peerHeader = GateBridge.peerHeaderName();
                    GateBridge.businessRequest(http.getRemoteAddr(),
                            peerHeader == null ? null : http.getHeader(peerHeader),
                            http.getHeader(GateBridge.WARMUP_HEADER));
                }
                return false;
            }
            if (http.getAttribute(GateBridge.DECIDED_ATTRIBUTE) != null) {
                return false;
            }
            http.setAttribute(GateBridge.DECIDED_ATTRIBUTE, Boolean.TRUE);
            // Every value in a local first: a conditional between "new" and its constructor call leaves
            // uninitialised-object stack frames that cannot be moved when the advice is inlined.
            String peerHeader = GateBridge.peerHeaderName();
            String peerHeaderValue = peerHeader == null ? null : http.getHeader(peerHeader);
            String handler = "servlet " + servlet.getClass().getName();
            HealthRequest health = new HealthRequest(path, http.getRemoteAddr(), http.getLocalAddr(),
                    http.getLocalPort(), peerHeaderValue, http.getHeader(GateBridge.WARMUP_HEADER),
                    http.getHeader("User-Agent"), http.getHeader(GateBridge.FLEET_HEADER), handler);
            Denial denial = GateBridge.check(health);
            HttpServletResponse answer = (HttpServletResponse) response;
            if (denial == null || answer.isCommitted()) {
                return false;
            }
            byte[] body = denial.body().getBytes("UTF-8");
            // The stream first: it is what can fail (a filter may have taken the writer already), and a failure
            // must leave the response untouched for the application, not half a denial.
            java.io.OutputStream out = "HEAD".equals(http.getMethod()) ? null : answer.getOutputStream();
            answer.setStatus(Denial.STATUS);
            answer.setHeader(GateBridge.RESPONSE_HEADER, denial.headerValue());
            answer.setHeader("Cache-Control", "no-store");
            answer.setContentType("text/plain;charset=UTF-8");
            answer.setContentLength(body.length);
            if (out != null) {
                out.write(body);
            }
            return true;
        } catch (Throwable failure) {
            GateBridge.failed("servlet advice", failure);
            return false;
        }
    }
}
