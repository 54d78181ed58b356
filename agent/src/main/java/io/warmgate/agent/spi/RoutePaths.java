package io.warmgate.agent.spi;

/**
 * Joining the path of a class-level mapping and a method-level one, as JAX-RS {@code @Path}, Spring
 * {@code @RequestMapping} and Micronaut {@code @Controller} routes all nest: exactly one '/' between them, a
 * leading '/', no trailing '/'. Either part may be null or empty, with or without slashes and surrounding blanks
 * ({@code "status"} and {@code " /ready/"} give {@code /status/ready}). Patterns ({@code {id}}, {@code *},
 * {@code ${placeholder}}) are kept as written: only the last segment matters for the health-word rules, and the
 * "handler found" line shows the mapping as the developer wrote it. Shared by the framework modules that detect
 * handlers by their annotations.
 */
public final class RoutePaths {

    private RoutePaths() {
    }

    /** The path {@code suffix} serves under {@code prefix}. */
    public static String join(String prefix, String suffix) {
        StringBuilder joined = new StringBuilder();
        appendSegments(joined, prefix);
        appendSegments(joined, suffix);
        return joined.length() == 0 ? "/" : joined.toString();
    }

    private static void appendSegments(StringBuilder joined, String path) {
        if (path == null) {
            return;
        }
        String trimmed = path.trim();
        int start = 0;
        int end = trimmed.length();
        while (start < end && trimmed.charAt(start) == '/') {
            start++;
        }
        while (end > start && trimmed.charAt(end - 1) == '/') {
            end--;
        }
        if (start < end) {
            joined.append('/').append(trimmed, start, end);
        }
    }

    /** One handler method and a path it serves, as found in a class's annotations. */
    public static final class Route {
        public final String methodName;
        public final String path;

        public Route(String methodName, String path) {
            this.methodName = methodName;
            this.path = path;
        }

        @Override
        public String toString() {
            return methodName + " " + path;
        }
    }
}
