package io.warmgate.bench.rollout;

/**
 * Replaces the text between {@code <!-- name:start -->} and {@code <!-- name:end -->} in a document (the
 * README), so a published run can refresh its figures there without touching anything around them.
 */
public final class MarkedSection {

    private MarkedSection() {
    }

    public static String start(String name) {
        return "<!-- " + name + ":start -->";
    }

    public static String end(String name) {
        return "<!-- " + name + ":end -->";
    }

    /**
     * @throws IllegalArgumentException when the markers are missing or out of order
     */
    public static String replace(String document, String name, String content) {
        int start = document.indexOf(start(name));
        int end = document.indexOf(end(name));
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("no " + start(name) + " ... " + end(name) + " section");
        }
        String body = content.endsWith("\n") ? content : content + "\n";
        return document.substring(0, start + start(name).length()) + "\n" + body + document.substring(end);
    }
}
