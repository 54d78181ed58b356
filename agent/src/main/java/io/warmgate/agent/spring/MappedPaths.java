package io.warmgate.agent.spring;

import io.warmgate.agent.spi.RoutePaths;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Combines Spring MVC mapping paths the way Spring does for plain paths: every class-level prefix with every
 * method-level path, each joined with exactly one '/'. An annotation without a path maps to its parent's path
 * (a method without one to the class prefix; a class without one to the root). Each pair is joined by
 * {@link RoutePaths#join}.
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
                combined.add(RoutePaths.join(prefix, suffix));
            }
        }
        return combined;
    }
}
