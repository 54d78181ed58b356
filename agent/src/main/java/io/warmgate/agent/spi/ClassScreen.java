package io.warmgate.agent.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A cheap test of whether a loading class can concern a framework, made before anything is parsed: the class's
 * loader must see the framework's marker class (looked up once per loader, as a resource), and the class must
 * either have one of the given names or carry a UTF-8 constant that starts with one of the given prefixes (the
 * descriptor of an advised method, the type descriptor of an annotation, the internal name of a class it
 * matches). Most of an application's classes fail both and are never looked at again.
 */
public final class ClassScreen {

    private final String markerClass;
    private final List<String> internalNames;
    private final List<String> constantPrefixes;

    private ClassScreen(String markerClass, List<String> internalNames, List<String> constantPrefixes) {
        this.markerClass = markerClass;
        this.internalNames = Collections.unmodifiableList(new ArrayList<String>(internalNames));
        this.constantPrefixes = Collections.unmodifiableList(new ArrayList<String>(constantPrefixes));
    }

    /** Classes with exactly these binary names ({@code com.acme.Container}), in loaders that see the marker. */
    public static ClassScreen byName(String markerClass, String... classNames) {
        List<String> internal = new ArrayList<String>();
        for (String name : classNames) {
            internal.add(name.replace('.', '/'));
        }
        return new ClassScreen(markerClass, internal, Collections.<String>emptyList());
    }

    /** Classes with a UTF-8 constant starting with one of the prefixes, in loaders that see the marker. */
    public static ClassScreen byConstant(String markerClass, String... constantPrefixes) {
        return new ClassScreen(markerClass, Collections.<String>emptyList(), Arrays.asList(constantPrefixes));
    }

    /** A class every class loader using the framework can see, e.g. {@code jakarta.servlet.Servlet}. */
    public String markerClass() {
        return markerClass;
    }

    /** Internal names ({@code com/acme/Container}) of classes this screen lets through by name. */
    public List<String> internalNames() {
        return internalNames;
    }

    /** Prefixes of UTF-8 constants, one of which a class this screen lets through carries. */
    public List<String> constantPrefixes() {
        return constantPrefixes;
    }

    @Override
    public String toString() {
        return "ClassScreen[marker=" + markerClass + ", names=" + internalNames + ", constants=" + constantPrefixes
                + "]";
    }
}
