package io.warmgate.bridge;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Health checks decided at a server's own per-request entry (Undertow's root handler call), which the server may
 * run several times for one request: a handler that dispatches to a worker thread, as Undertow's servlet support
 * and {@code BlockingHandler} do, enters the root again on that thread. Each request (an exchange) is decided the
 * first time only.
 *
 * <p>While a decided request runs on a thread, the servlet and filter advice of Undertow's servlet mode see it
 * here and only name their handler: one request, one decision, whichever layer saw it first.
 *
 * <p>Only health checks are recorded, and weakly: an exchange the server has let go of leaves the map with it.
 * Lives on the boot class path next to {@link GateBridge}, so it uses JDK types only.
 */
public final class ExchangeDecisions {

    /**
     * Exchange to its state: element 0 is the class name of the root handler it entered, until someone names the
     * handler that answered it (a servlet or filter, or the server entry once the response started); then null.
     */
    private static final Map<Object, String[]> DECIDED =
            Collections.synchronizedMap(new WeakHashMap<Object, String[]>());

    /** The state of the decided exchange this thread is running, or null. */
    private static final ThreadLocal<String[]> RUNNING = new ThreadLocal<String[]>();

    private ExchangeDecisions() {
    }

    /**
     * True the first time an exchange is offered, when it is to be decided; false every later time.
     *
     * @param rootHandler the class name of the handler it entered first, named in the log if no servlet answers
     */
    public static boolean firstSight(Object exchange, String rootHandler) {
        synchronized (DECIDED) {
            if (DECIDED.containsKey(exchange)) {
                return false;
            }
            DECIDED.put(exchange, new String[] {rootHandler});
            return true;
        }
    }

    /**
     * Marks this thread as running a decided exchange, until {@link #leave}.
     *
     * @return what to hand back to {@link #leave}: the marker of an outer entry on this thread, or null
     */
    public static Object enter(Object exchange) {
        String[] outer = RUNNING.get();
        String[] state = DECIDED.get(exchange);
        if (state != null) {
            RUNNING.set(state);
        }
        return outer;
    }

    /** Restores what {@link #enter} found on this thread. */
    public static void leave(Object outer) {
        if (outer instanceof String[]) {
            RUNNING.set((String[]) outer);
        } else {
            RUNNING.remove();
        }
    }

    /**
     * Asked by servlet and filter advice for a health check their request has not decided yet: true when the server
     * entry already decided it, and the caller only names its handler (so the server entry names none).
     */
    public static boolean decidedUpstream() {
        String[] state = RUNNING.get();
        if (state == null) {
            return false;
        }
        synchronized (state) {
            state[0] = null;
        }
        return true;
    }

    /**
     * The root handler to name for an exchange whose response has started, the first time only; null when it was
     * named already or a servlet or filter answered.
     */
    public static String takeUnnamedHandler(Object exchange) {
        String[] state = DECIDED.get(exchange);
        if (state == null) {
            return null;
        }
        synchronized (state) {
            String root = state[0];
            state[0] = null;
            return root;
        }
    }
}
