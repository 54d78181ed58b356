package io.warmgate.agent.spi;

/** A health handler found in a class, as the log line names it. */
public final class FoundHandler {

    private final String handler;
    private final String path;
    private final String note;

    /**
     * @param handler framework and handler, e.g. "spring-mvc com.acme.HealthController#health"
     * @param path    the path it serves
     * @param note    appended to the log line, or null
     */
    public FoundHandler(String handler, String path, String note) {
        this.handler = handler;
        this.path = path;
        this.note = note;
    }

    public String handler() {
        return handler;
    }

    public String path() {
        return path;
    }

    public String note() {
        return note;
    }

    @Override
    public String toString() {
        return handler + " path " + path;
    }
}
