package io.warmgate.agent.jaxrs;

/**
 * The path a JAX-RS resource method serves, relative to the application's root: the class's {@code @Path}
 * followed by the method's own {@code @Path}, if any.
 *
 * <p>What comes in front of it at run time, an {@code @ApplicationPath}, a servlet mapping such as
 * {@code /rest/*}, a context path or a Grizzly base URI, is not known when the class loads and does not matter:
 * a request is a health check by its path's last segment (or by a configured path, which matches at the end of
 * the request path), and the resolved path ends the same way as every request path it serves.
 */
final class ResourcePath {

    private ResourcePath() {
    }

    /**
     * Joins a class path and a method path the way JAX-RS does: one '/' between them, a leading '/', no trailing
     * '/'. Either may be null or empty, with or without slashes ({@code "status"} and {@code "/ready/"} give
     * {@code /status/ready}).
     */
    static String join(String classPath, String methodPath) {
        StringBuilder joined = new StringBuilder();
        appendSegments(joined, classPath);
        appendSegments(joined, methodPath);
        return joined.length() == 0 ? "/" : joined.toString();
    }

    private static void appendSegments(StringBuilder joined, String path) {
        if (path == null) {
            return;
        }
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        if (start < end) {
            joined.append('/').append(path, start, end);
        }
    }
}
