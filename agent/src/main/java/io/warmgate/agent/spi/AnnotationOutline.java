package io.warmgate.agent.spi;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One annotation as a class file records it: its type's binary name and the values written in the source, each as
 * a list of strings (a string, an array of strings, an enum constant's name, an array of enum constants; other
 * kinds as their text). Defaults are not in the class file, so an absent value is an empty list.
 */
public final class AnnotationOutline {

    private final String typeName;
    private final Map<String, List<String>> values;

    public AnnotationOutline(String typeName, Map<String, List<String>> values) {
        this.typeName = typeName;
        this.values = Collections.unmodifiableMap(values);
    }

    /** Binary name of the annotation type, e.g. {@code jakarta.ws.rs.Path}. */
    public String typeName() {
        return typeName;
    }

    /** The values of {@code element}, empty when the source did not write it. */
    public List<String> values(String element) {
        List<String> found = values.get(element);
        return found != null ? found : Collections.<String>emptyList();
    }

    /** The single value of {@code element}, or null when it has none. */
    public String value(String element) {
        List<String> found = values(element);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The annotation of type {@code typeName} in {@code annotations}, or null. */
    public static AnnotationOutline find(List<AnnotationOutline> annotations, String typeName) {
        for (AnnotationOutline annotation : annotations) {
            if (annotation.typeName.equals(typeName)) {
                return annotation;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "@" + typeName + values;
    }
}
