package io.warmgate.agent.servlet;

import io.warmgate.bridge.Denial;
import io.warmgate.bridge.ExchangeDecisions;
import io.warmgate.bridge.GateBridge;
import io.warmgate.bridge.HealthRequest;
import io.warmgate.agent.spi.EntryHook;

import javax.servlet.FilterChain;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Hooked into {@code javax.servlet} {@code Filter.doFilter(ServletRequest, ServletResponse, FilterChain)} (see
 * {@link EntryHook}), for
 * health checks that a filter answers and no servlet ever sees (a health filter in web.xml, Jersey as a filter).
 *
 * <p>The first filter a health check enters decides it, before any filter or servlet has run, and marks the
 * request ({@link GateBridge#DECIDED_ATTRIBUTE}, {@link GateBridge#HANDLER_PENDING}), so that the filters and the
 * servlet behind it decide nothing more: one decision per request. A denied peer gets the same 503 the servlet
 * advice writes, and the filter (with the rest of the chain) does not run. Who answered is only known afterwards,
 * so the first decision names no handler: the servlet the request reaches names itself, or else the innermost
 * filter that returned without passing the request on does, as it returns. Filters that pass requests on (a
 * container's, Spring's) are therefore never reported as health handlers.
 *
 * <p>Business requests pay the path check, in each filter they pass, and nothing else. This source is written once;
 * the build generates its copy for the other servlet namespace (agent/pom.xml).
 */
public final class JavaxFilterHooks {

    /** What {@link #enter} returns for a health check, so that the exit knows to look at it. */
    private static final long HEALTH_CHECK = 1L;

    private JavaxFilterHooks() {
    }

    /**
     * @return {@link EntryHook#SKIP} to skip the filter, and so the chain, because a denial was written;
     *         {@link #HEALTH_CHECK} for a health check that goes on; 0 for any other request
     */
    public static long enter(Object filter, ServletRequest request, ServletResponse response, FilterChain chain) {
        try {
            if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
                return 0L;
            }
            HttpServletRequest http = (HttpServletRequest) request;
            String path = http.getRequestURI();
            if (!GateBridge.isGated(path)) {
                return 0L;
            }
            if (http.getAttribute(GateBridge.DECIDED_ATTRIBUTE) != null) {
                return HEALTH_CHECK;
            }
            http.setAttribute(GateBridge.DECIDED_ATTRIBUTE, GateBridge.HANDLER_PENDING);
            if (ExchangeDecisions.decidedUpstream()) {
                return HEALTH_CHECK; // the server's entry (Undertow) decided it
            }
            String peerHeader = GateBridge.peerHeaderName();
            String peerHeaderValue = peerHeader == null ? null : http.getHeader(peerHeader);
            HealthRequest check = new HealthRequest(path, http.getRemoteAddr(), http.getLocalAddr(),
                    http.getLocalPort(), peerHeaderValue, http.getHeader(GateBridge.WARMUP_HEADER),
                    http.getHeader("User-Agent"), http.getHeader(GateBridge.FLEET_HEADER), null, null, null);
            Denial denial = GateBridge.check(check);
            HttpServletResponse answer = (HttpServletResponse) response;
            if (denial == null || answer.isCommitted()) {
                return HEALTH_CHECK;
            }
            // Written as the servlet advice writes it (copied hooks can share no code outside the bridge, and the
            // bridge cannot name servlet types). The stream first: a failure must leave the response untouched.
            byte[] body = denial.body().getBytes("UTF-8");
            java.io.OutputStream out = "HEAD".equals(http.getMethod()) ? null : answer.getOutputStream();
            answer.setStatus(Denial.STATUS);
            answer.setHeader(GateBridge.RESPONSE_HEADER, denial.headerValue());
            answer.setHeader("Cache-Control", "no-store");
            answer.setContentType("text/plain;charset=UTF-8");
            answer.setContentLength(body.length);
            if (out != null) {
                out.write(body);
            }
            http.setAttribute(GateBridge.DECIDED_ATTRIBUTE, GateBridge.HANDLER_KNOWN); // the agent answered
            return EntryHook.SKIP;
        } catch (Throwable failure) {
            GateBridge.failed("filter advice", failure);
            return 0L;
        }
    }

    /**
     * Names this filter as the health check's handler when nothing behind it did: it returned without passing the
     * request to a servlet or to a filter that answered. Innermost filters return first, so the one that answered
     * claims the request before the filters around it see it.
     */
    public static void exit(Throwable thrown, Object filter, ServletRequest request, ServletResponse response,
                            FilterChain chain, long state) {
        if (state != HEALTH_CHECK || thrown != null) {
            return;
        }
        try {
            HttpServletRequest http = (HttpServletRequest) request;
            if (GateBridge.HANDLER_PENDING.equals(http.getAttribute(GateBridge.DECIDED_ATTRIBUTE))) {
                http.setAttribute(GateBridge.DECIDED_ATTRIBUTE, GateBridge.HANDLER_KNOWN);
                GateBridge.handlerAnswered("filter", filter.getClass().getName(), http.getRequestURI());
            }
        } catch (Throwable failure) {
            GateBridge.failed("filter advice (exit)", failure);
        }
    }
}
