package io.warmgate.agent.servlet;

import io.warmgate.bridge.Denial;
import io.warmgate.bridge.ExchangeDecisions;
import io.warmgate.bridge.GateBridge;
import io.warmgate.bridge.HealthRequest;
import io.warmgate.agent.spi.EntryHook;

import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Hooked into {@code javax.servlet} {@code service(ServletRequest, ServletResponse)} (see {@link EntryHook}: the
 * agent copies these two methods into each servlet class it weaves and calls them at entry and exit). For a gated
 * health path from a denied peer it writes the 503 and skips the servlet; otherwise it changes nothing. A request
 * that a filter in front ({@link JavaxFilterHooks}) or the server's own entry (Undertow) already decided is not
 * decided again: the servlet only names itself as the handler that answers.
 *
 * <p>Copied hooks cannot serve two namespaces, so this source is written once and the build generates its copy
 * for the other servlet namespace, renaming the packages and the class (agent/pom.xml); the logic itself lives in
 * {@link GateBridge}.
 */
public final class JavaxServletHooks {

    private JavaxServletHooks() {
    }

    /**
     * @return {@link EntryHook#SKIP} to skip the servlet because a denial was written; else the request's start
     *         when the agent times business requests (see {@link GateBridge#businessStarted}), 0 otherwise
     */
    public static long enter(Object servlet, ServletRequest request, ServletResponse response) {
        try {
            if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
                return 0L;
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
                return GateBridge.businessStarted();
            }
            Object decided = http.getAttribute(GateBridge.DECIDED_ATTRIBUTE);
            String servletClass = servlet.getClass().getName();
            if (decided != null) {
                // A filter in front decided it (or an outer service() of this request did): this servlet answers.
                if (GateBridge.HANDLER_PENDING.equals(decided)) {
                    http.setAttribute(GateBridge.DECIDED_ATTRIBUTE, GateBridge.HANDLER_KNOWN);
                    GateBridge.handlerAnswered("servlet", servletClass, path);
                }
                return 0L;
            }
            http.setAttribute(GateBridge.DECIDED_ATTRIBUTE, GateBridge.HANDLER_KNOWN);
            if (ExchangeDecisions.decidedUpstream()) {
                GateBridge.handlerAnswered("servlet", servletClass, path); // decided at the server's entry
                return 0L;
            }
            String peerHeader = GateBridge.peerHeaderName();
            String peerHeaderValue = peerHeader == null ? null : http.getHeader(peerHeader);
            HealthRequest health = new HealthRequest(path, http.getRemoteAddr(), http.getLocalAddr(),
                    http.getLocalPort(), peerHeaderValue, http.getHeader(GateBridge.WARMUP_HEADER),
                    http.getHeader("User-Agent"), http.getHeader(GateBridge.FLEET_HEADER), "servlet", servletClass,
                    null);
            Denial denial = GateBridge.check(health);
            HttpServletResponse answer = (HttpServletResponse) response;
            if (denial == null || answer.isCommitted()) {
                return 0L;
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
            return EntryHook.SKIP;
        } catch (Throwable failure) {
            GateBridge.failed("servlet advice", failure);
            return 0L;
        }
    }

    /**
     * Reports a timed business request when its servlet returns: method, path, query, status (500 when the
     * servlet threw) and time taken. A request that went asynchronous is not done when {@code service} returns,
     * so it is left out rather than timed wrong; so are containers older than Servlet 3.0 (no status to read).
     */
    public static void exit(Throwable thrown, Object servlet, ServletRequest request, ServletResponse response,
                            long start) {
        if (start == 0L) {
            return;
        }
        try {
            HttpServletRequest http = (HttpServletRequest) request;
            if (http.isAsyncStarted()) {
                GateBridge.businessAbandoned();
                return;
            }
            int status = thrown != null ? 500 : ((HttpServletResponse) response).getStatus();
            GateBridge.businessEnded(start, http.getMethod(), http.getRequestURI(), http.getQueryString(), status,
                    http.getHeader(GateBridge.WARMUP_HEADER));
        } catch (LinkageError olderServletApi) {
            GateBridge.businessAbandoned();
        } catch (Throwable failure) {
            GateBridge.businessAbandoned();
            GateBridge.failed("servlet advice (exit)", failure);
        }
    }
}
