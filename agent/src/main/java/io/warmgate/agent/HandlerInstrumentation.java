package io.warmgate.agent;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * What one framework package contributes: which classes and methods serve health checks, and which advice
 * wraps them. It describes nothing else; {@link Instrumenter} does the wiring for all of them.
 */
public interface HandlerInstrumentation {

    /** Shown in logs, e.g. "servlet (jakarta)". */
    String framework();

    /**
     * A class that every class loader using this framework can see. Type matching only runs for class loaders
     * that see it, which keeps the cost of matching away from every other loader.
     */
    String markerClass();

    /** Classes to instrument. Put cheap checks (names, declared methods) before hierarchy checks. */
    ElementMatcher<TypeDescription> types();

    /** Methods of those classes that get the advice. */
    ElementMatcher<MethodDescription> methods();

    /** The advice class; its code is inlined, so it may reference only JDK types, the framework's API and the bridge. */
    Class<?> advice();
}
