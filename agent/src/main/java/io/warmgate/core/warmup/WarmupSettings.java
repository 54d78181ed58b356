package io.warmgate.core.warmup;

import java.util.List;

/**
 * The warm-up's settings as the configuration gives them ({@code warmup.*}). An interface here, implemented by
 * the configuration, so that the core reads them without knowing where they come from.
 */
public interface WarmupSettings {

    /** {@code warmup.requests}: request lines such as {@code GET /api/items}. */
    List<String> warmupRequests();

    /** {@code warmup.file}: a file of request lines, or null. */
    String warmupFile();

    /** {@code warmup.record}: the file real traffic is recorded to and replayed from, or null. */
    String warmupRecord();

    int warmupConcurrency();

    int warmupRounds();

    /** 0 when rounds count instead. */
    long warmupDurationNanos();

    long warmupTimeoutNanos();

    /** 0 to use the port of the first health check. */
    int warmupPort();

    /** {@code Name: value} each. */
    List<String> warmupHeaders();

    boolean warmupUnsafeMethods();
}
