package io.warmgate.core;

/**
 * Hears of every business (non-health, non-warm-up) request that completed while it is {@link #active()}: for
 * figures that only real traffic can give (latency, errors, what is requested). Called on the application's
 * request threads, so {@link #requestEnded} must be quick, take no lock others contend on, allocate little, and
 * never throw.
 */
public interface BusinessObserver {

    /** True while this observer wants requests; read on every business request, so one volatile read at most. */
    boolean active();

    /**
     * @param method       the HTTP method, e.g. "GET"
     * @param path         the request path as sent, without the query string
     * @param query        the raw query string, or null
     * @param status       the response status (500 when the handler threw)
     * @param elapsedNanos from the request's entry into the handler to the handler's return
     */
    void requestEnded(String method, String path, String query, int status, long elapsedNanos);
}
