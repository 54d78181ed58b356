package io.warmgate.agent.spi;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * One advice and where it goes. The advice is named, not referenced, so that matching never loads it; its code
 * is inlined, so it may use only JDK types, the framework's own API and the bridge ({@code io.warmgate.bridge}).
 */
public final class Weaving {

    private final String label;
    private final ElementMatcher<? super TypeDescription> types;
    private final ElementMatcher<? super MethodDescription> methods;
    private final String adviceClassName;

    /**
     * @param label   shown in logs, e.g. "servlet (jakarta)"
     * @param types   the classes to change; put cheap checks (names, declared methods) before hierarchy checks
     * @param methods the methods of those classes that get the advice
     */
    public Weaving(String label, ElementMatcher<? super TypeDescription> types,
                   ElementMatcher<? super MethodDescription> methods, String adviceClassName) {
        this.label = label;
        this.types = types;
        this.methods = methods;
        this.adviceClassName = adviceClassName;
    }

    public String label() {
        return label;
    }

    public ElementMatcher<? super TypeDescription> types() {
        return types;
    }

    public ElementMatcher<? super MethodDescription> methods() {
        return methods;
    }

    public String adviceClassName() {
        return adviceClassName;
    }

    @Override
    public String toString() {
        return label;
    }
}
