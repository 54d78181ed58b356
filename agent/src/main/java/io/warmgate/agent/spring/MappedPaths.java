package io.warmgate.agent.spring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Combines Spring MVC mapping paths the way Spring does for plain paths: every class-level prefix with every
 * method-level path, each joined with exactly one '/'. An annotation without a path maps to its parent's path
 * (a method without one to the class prefix; a class without one to the root).
 *
 * <p>Patterns ({@code {id}}, {@code *}, {@code ${placeholder}}) are kept as written: only the last segment matters
 * for health-word detection, and the detection log shows the mapping as the developer wrote it.
 */
final class MappedPaths {

    private MappedPaths() {
    }

    /**
     * @param classPaths  paths of the class-level {@code @RequestMapping}; empty when there is none
     * @param methodPaths paths of the method's mapping annotation; empty when it names none
     * @return every combined path, each starting with '/', in declaration order
     */
    static List<String> combine(List<String> classPaths, List<String> methodPaths) {
        List<String> prefixes = classPaths.isEmpty() ? Collections.singletonList("") : classPaths;
        List<String> suffixes = methodPaths.isEmpty() ? Collections.singletonList("") : methodPaths;
        List<String> combined = new ArrayList<String>(prefixes.size() * suffixes.size());
        for (String prefix : prefixes) {
            for (String suffix : suffixes) {
                combined.add(join(prefix, suffix));
            }
        }
        return combined;
    }

    static String join(String prefix, String suffix) {
        String head = trimSlashes(prefix);
        String tail = trimSlashes(suffix);
        if (head.isEmpty()) {
            return "/" + tail;
        }
        return tail.isEmpty() ? "/" + head : "/" + head + "/" + tail;
    }

    private static String trimSlashes(String path) {
        String trimmed = path == null ? "" : path.trim();
        int start = 0;
        int end = trimmed.length();
        while (start < end && trimmed.charAt(start) == '/') {
            start++;
        }
        while (end > start && trimmed.charAt(end - 1) == '/') {
            end--;
        }
        return trimmed.substring(start, end);
    }
}
