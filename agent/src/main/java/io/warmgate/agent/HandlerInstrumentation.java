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

    /**
     * Prefixes of UTF-8 constants, one of which every class file this framework may match contains: for example
     * the descriptor of the method it advises, the type descriptor of an annotation it looks for, or the internal
     * name of a class it matches by name. Classes with none of them are never described or matched, which is most
     * of an application's classes (see {@link ClassFileScreen}). Null when the framework cannot say, which makes
     * every class go through the matchers.
     */
    java.util.List<String> classFileHints();

    /** Methods of those classes that get the advice. */
    ElementMatcher<MethodDescription> methods();

    /** The advice class; its code is inlined, so it may reference only JDK types, the framework's API and the bridge. */
    Class<?> advice();
}
