package io.warmgate.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Decides which request paths are health checks to gate.
 *
 * <p>{@link #isGated} runs on every request the application serves, so it allocates nothing and looks at
 * each character of the path a bounded number of times: it walks the path backwards segment by segment with
 * index arithmetic instead of splitting it.
 *
 * <p>Rules, strongest first:
 * <ol>
 * <li>Liveness paths (last segment one of {@link #LIVENESS_WORDS}) are never gated: an orchestrator that sees
 * its liveness probe fail kills the instance.</li>
 * <li>Excluded paths are never gated.</li>
 * <li>Gated are paths whose last segment is one of {@link #HEALTH_WORDS} (when detection is on) and paths that
 * match a configured extra path.</li>
 * </ol>
 * A configured path P matches a request path R when R equals P or ends with P at a segment boundary, so the
 * application's context path in front does not matter: {@code /status} matches {@code /shop/status} but not
 * {@code /shop/mystatus}. Words match case-insensitively; configured paths case-sensitively, as URL paths are.
 * One trailing '/' and {@code ;matrix=params} in a segment (such as {@code ;jsessionid=...}) are ignored.
 */
public final class HealthPathMatcher {

    public static final List<String> HEALTH_WORDS = Collections.unmodifiableList(Arrays.asList(
            "health", "healthz", "healthcheck", "health-check", "ready", "readyz", "readiness"));

    public static final List<String> LIVENESS_WORDS = Collections.unmodifiableList(Arrays.asList(
            "live", "livez", "liveness", "alive"));

    private static final String[] HEALTH = HEALTH_WORDS.toArray(new String[0]);
    private static final String[] LIVENESS = LIVENESS_WORDS.toArray(new String[0]);

    /** A configured path, split into segments once so matching needs no allocation. */
    private static final class ConfiguredPath {
        /** True for "/": it matches the root path only, not every path. */
        final boolean root;
        final String[] segments;

        ConfiguredPath(String path) {
            String trimmed = path.trim();
            int start = trimmed.startsWith("/") ? 1 : 0;
            int end = trimmed.length();
            if (end > start && trimmed.charAt(end - 1) == '/') {
                end--;
            }
            this.root = end <= start;
            this.segments = root ? new String[0] : trimmed.substring(start, end).split("/", -1);
        }

        boolean matches(String path, int pathEnd) {
            if (root) {
                return segmentEnd(path, 0, pathEnd) == 0;
            }
            int segmentEnd = pathEnd;
            for (int i = segments.length - 1; i >= 0; i--) {
                if (segmentEnd < 0) {
                    return false; // the request path has fewer segments
                }
                int segmentStart = path.lastIndexOf('/', segmentEnd - 1) + 1;
                int contentEnd = segmentEnd(path, segmentStart, segmentEnd);
                String wanted = segments[i];
                if (contentEnd - segmentStart != wanted.length()
                        || !path.regionMatches(segmentStart, wanted, 0, wanted.length())) {
                    return false;
                }
                segmentEnd = segmentStart - 1; // the '/' before this segment, or -1 at the start
            }
            return true;
        }

        @Override
        public String toString() {
            return root ? "/" : "/" + join(segments);
        }
    }

    private final boolean detect;
    private final ConfiguredPath[] extraPaths;
    private final ConfiguredPath[] excludePaths;

    /**
     * @param detect       gate paths whose last segment is a health word
     * @param extraPaths   further paths to gate (null or empty for none); entries should start with '/'
     * @param excludePaths paths never to gate (null or empty for none)
     */
    public HealthPathMatcher(boolean detect, List<String> extraPaths, List<String> excludePaths) {
        this.detect = detect;
        this.extraPaths = compile(extraPaths);
        this.excludePaths = compile(excludePaths);
    }

    /**
     * True when the request path is a health check to gate.
     *
     * @param path the request path without query string; may include a context path, matrix parameters and a
     *             trailing slash, and may be empty or null (never gated)
     */
    public boolean isGated(String path) {
        if (path == null) {
            return false;
        }
        int end = endIgnoringTrailingSlash(path);
        int lastStart = path.lastIndexOf('/', end - 1) + 1;
        int lastEnd = segmentEnd(path, lastStart, end);
        if (isOneOf(path, lastStart, lastEnd, LIVENESS)) {
            return false;
        }
        boolean wanted = (detect && isOneOf(path, lastStart, lastEnd, HEALTH)) || matchesAny(extraPaths, path, end);
        return wanted && !matchesAny(excludePaths, path, end);
    }

    /**
     * True when a health check that a framework knows by what it is rather than by its path's last word (gRPC's
     * standard health method, {@code /grpc.health.v1.Health/Check}) is gated: when detection is on or the path is
     * a configured {@code paths} entry, and it is no {@code exclude-paths} entry and no liveness path. Decided
     * once, when the framework's classes load, not per request.
     */
    public boolean isGatedHealthService(String path) {
        if (path == null || isLiveness(path)) {
            return false;
        }
        int end = endIgnoringTrailingSlash(path);
        return (detect || matchesAny(extraPaths, path, end)) && !matchesAny(excludePaths, path, end);
    }

    /** True when the last segment of the path is a liveness word: such paths are never gated. */
    public static boolean isLiveness(String path) {
        if (path == null) {
            return false;
        }
        int end = endIgnoringTrailingSlash(path);
        int lastStart = path.lastIndexOf('/', end - 1) + 1;
        return isOneOf(path, lastStart, segmentEnd(path, lastStart, end), LIVENESS);
    }

    private static int endIgnoringTrailingSlash(String path) {
        int end = path.length();
        return end > 0 && path.charAt(end - 1) == '/' ? end - 1 : end;
    }

    /** End of the segment's name within [start, end): where its ";params" begin, or end. */
    private static int segmentEnd(String path, int start, int end) {
        for (int i = start; i < end; i++) {
            if (path.charAt(i) == ';') {
                return i;
            }
        }
        return end;
    }

    private static boolean isOneOf(String path, int start, int end, String[] words) {
        int length = end - start;
        for (String word : words) {
            if (word.length() == length && path.regionMatches(true, start, word, 0, length)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAny(ConfiguredPath[] paths, String path, int end) {
        for (ConfiguredPath configured : paths) {
            if (configured.matches(path, end)) {
                return true;
            }
        }
        return false;
    }

    private static ConfiguredPath[] compile(List<String> paths) {
        List<ConfiguredPath> compiled = new ArrayList<ConfiguredPath>();
        if (paths != null) {
            for (String path : paths) {
                if (path != null && !path.trim().isEmpty()) {
                    compiled.add(new ConfiguredPath(path));
                }
            }
        }
        return compiled.toArray(new ConfiguredPath[0]);
    }

    private static String join(String[] segments) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            joined.append(i == 0 ? "" : "/").append(segments[i]);
        }
        return joined.toString();
    }

    @Override
    public String toString() {
        return "HealthPathMatcher[detect=" + detect + ", paths=" + Arrays.toString(extraPaths) + ", exclude-paths="
                + Arrays.toString(excludePaths) + "]";
    }
}
