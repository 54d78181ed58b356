package io.warmgate.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The header fields of one HTTP response. Names are looked up case-insensitively (HTTP field names are
 * case-insensitive, and Tomcat and Jetty spell them differently); values keep their order of arrival.
 */
public final class ResponseHeaders {

    private final Map<String, List<String>> byName;

    private ResponseHeaders(Map<String, List<String>> byName) {
        this.byName = byName;
    }

    /** The first value of the named field, if the response had one. */
    public Optional<String> first(String name) {
        List<String> values = byName.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of the named field, in order of arrival; empty when absent. */
    public List<String> all(String name) {
        return byName.getOrDefault(name, List.of());
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** All fields, keyed by the spelling of their first occurrence; lookups ignore case. */
    public Map<String, List<String>> asMap() {
        return byName;
    }

    @Override
    public String toString() {
        return byName.toString();
    }

    static Builder builder() {
        return new Builder();
    }

    /** Collects fields while a response is parsed; not thread-safe, used by one reader only. */
    static final class Builder {
        // A case-insensitive TreeMap keeps the spelling of the first occurrence as the key.
        private final Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        Builder add(String name, String value) {
            byName.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            return this;
        }

        ResponseHeaders build() {
            Map<String, List<String>> frozen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            byName.forEach((name, values) -> frozen.put(name, List.copyOf(values)));
            return new ResponseHeaders(Collections.unmodifiableMap(frozen));
        }
    }
}
