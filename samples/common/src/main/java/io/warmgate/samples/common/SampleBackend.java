package io.warmgate.samples.common;

/**
 * The business endpoints of a sample, independent of the servlet API: the servlets only extract the request
 * parameters and write the returned {@link SampleResponse}. One instance per server.
 */
public final class SampleBackend {

    private final ColdCatalog catalog;
    private final SampleStats stats;
    private final SampleSlowdown slowdown;

    public SampleBackend() {
        this(new ColdCatalog(), new SampleStats(), SampleSlowdown.fromSystemProperty());
    }

    SampleBackend(ColdCatalog catalog, SampleStats stats) {
        this(catalog, stats, SampleSlowdown.fromSystemProperty());
    }

    SampleBackend(ColdCatalog catalog, SampleStats stats, SampleSlowdown slowdown) {
        this.catalog = catalog;
        this.stats = stats;
        this.slowdown = slowdown;
    }

    /**
     * Answers {@link SampleEndpoints#ITEMS}. Every call counts as a business request, valid or not, and waits
     * first when the sample was made slow ({@link SampleSlowdown}).
     *
     * @param rawId       the {@code id} query parameter, or null when absent
     * @param warmupMarked whether the request carried {@link SampleEndpoints#WARMUP_HEADER}
     */
    public SampleResponse items(String rawId, boolean warmupMarked) {
        stats.recordBusinessRequest(warmupMarked);
        slowdown.apply();
        int id;
        try {
            id = ColdCatalog.parseItemId(rawId);
        } catch (IllegalArgumentException e) {
            return SampleResponse.json(400, "{\"error\":\"" + e.getMessage() + "\"}\n");
        }
        return SampleResponse.json(200, catalog.item(id).toJson() + "\n");
    }

    /** Answers {@link SampleEndpoints#STATS}. */
    public SampleResponse stats() {
        return SampleResponse.text(200, stats.render());
    }
}
