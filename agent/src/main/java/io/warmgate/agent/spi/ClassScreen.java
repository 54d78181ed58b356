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
    private final String rivalMarkerClass;
    private final List<String> internalNames;
    private final List<String> constantPrefixes;
    private final String ownPackage;

    private ClassScreen(String markerClass, String rivalMarkerClass, List<String> internalNames,
                        List<String> constantPrefixes, String ownPackage) {
        this.markerClass = markerClass;
        this.rivalMarkerClass = rivalMarkerClass;
        this.ownPackage = ownPackage;
        this.internalNames = Collections.unmodifiableList(new ArrayList<String>(internalNames));
        this.constantPrefixes = Collections.unmodifiableList(new ArrayList<String>(constantPrefixes));
    }

    /** Classes with exactly these binary names ({@code com.acme.Container}), in loaders that see the marker. */
    public static ClassScreen byName(String markerClass, String... classNames) {
        List<String> internal = new ArrayList<String>();
        for (String name : classNames) {
            internal.add(name.replace('.', '/'));
        }
        return new ClassScreen(markerClass, null, internal, Collections.<String>emptyList(), null);
    }

    /** Classes with a UTF-8 constant starting with one of the prefixes, in loaders that see the marker. */
    public static ClassScreen byConstant(String markerClass, String... constantPrefixes) {
        return new ClassScreen(markerClass, null, Collections.<String>emptyList(), Arrays.asList(constantPrefixes),
                null);
    }

    /**
     * The same screen, only in loaders that do not see {@code rivalMarkerClass}: for classes two frameworks share
     * when one of them wins wherever both are present. Spring Boot runs Spring MVC, not WebFlux, when both are on
     * the class path, so an annotated controller there is an MVC controller and must be reported as one, once.
     */
    public ClassScreen unlessLoaderSees(String rivalMarkerClass) {
        return new ClassScreen(markerClass, rivalMarkerClass, internalNames, constantPrefixes, ownPackage);
    }

    /**
     * The same screen, except for the framework's own classes, whose names start with {@code packagePrefix}
     * (internal form, e.g. {@code org/springframework/}): Spring's own classes carry Spring's annotations by the
     * dozen, and none of them is an application's handler, so reading them would cost start-up for nothing.
     */
    public ClassScreen exceptPackage(String packagePrefix) {
        return new ClassScreen(markerClass, rivalMarkerClass, internalNames, constantPrefixes, packagePrefix);
    }

    /** A class every class loader using the framework can see, e.g. {@code jakarta.servlet.Servlet}. */
    public String markerClass() {
        return markerClass;
    }

    /** A class whose presence in the loader rules this screen out, or null (see {@link #unlessLoaderSees}). */
    public String rivalMarkerClass() {
        return rivalMarkerClass;
    }

    /** Internal names ({@code com/acme/Container}) of classes this screen lets through by name. */
    public List<String> internalNames() {
        return internalNames;
    }

    /** Whether the screen leaves {@code internalName} aside as one of the framework's own classes. */
    public boolean isOwnClass(String internalName) {
        return ownPackage != null && internalName.startsWith(ownPackage);
    }

    /** Prefixes of UTF-8 constants, one of which a class this screen lets through carries. */
    public List<String> constantPrefixes() {
        return constantPrefixes;
    }

    @Override
    public String toString() {
        return "ClassScreen[marker=" + markerClass + (rivalMarkerClass == null ? "" : ", unless=" + rivalMarkerClass)
                + ", names=" + internalNames + ", constants=" + constantPrefixes
                + (ownPackage == null ? "" : ", except=" + ownPackage) + "]";
    }
}
