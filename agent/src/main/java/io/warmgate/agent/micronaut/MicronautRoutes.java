package io.warmgate.agent.micronaut;

import io.warmgate.agent.spi.RoutePaths;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.annotation.AnnotationList;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the GET and HEAD routes of a Micronaut controller from its class file, by annotation name only: nothing of
 * Micronaut is loaded or initialised. Micronaut's own annotation processor compiled the same annotations into bean
 * definitions; the class keeps them too (they are retained at run time), which is what this reads.
 *
 * <p>Covered: {@code @Controller} on the class, {@code @Get} and {@code @Head} on its own methods, with their
 * {@code value}, {@code uri} and {@code uris}. Not covered: routes declared on interfaces or superclasses, and
 * {@code @Produces}-only or custom method annotations; those handlers are still gated by their request path, they
 * only miss the class-load log line.
 */
final class MicronautRoutes {

    static final String CONTROLLER = MicronautModule.CONTROLLER;
    private static final List<String> READ_ROUTES = Arrays.asList(
            "io.micronaut.http.annotation.Get", "io.micronaut.http.annotation.Head");
    /** Every path attribute of Micronaut's route annotations defaults to the root. */
    private static final String ROOT = "/";


    private MicronautRoutes() {
    }

    /** The controller annotation of the class itself, or null: a cheap test before any method is read. */
    static AnnotationDescription controller(TypeDescription type) {
        if (type.isInterface() || type.isAnnotation()) {
            return null;
        }
        return find(type.getDeclaredAnnotations(), CONTROLLER);
    }

    /** Every GET or HEAD route of the controller, with the controller's path in front. */
    static List<RoutePaths.Route> of(TypeDescription type, AnnotationDescription controller) {
        List<String> prefixes = paths(controller, "value", "uri");
        List<RoutePaths.Route> routes = new ArrayList<RoutePaths.Route>();
        for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
            if (method.isConstructor() || method.isStatic() || method.isBridge() || method.isSynthetic()) {
                continue;
            }
            Set<String> full = new LinkedHashSet<String>();
            for (String readRoute : READ_ROUTES) {
                AnnotationDescription route = find(method.getDeclaredAnnotations(), readRoute);
                if (route == null) {
                    continue;
                }
                for (String prefix : prefixes) {
                    for (String suffix : paths(route, "value", "uri", "uris")) {
                        full.add(RoutePaths.join(prefix, suffix));
                    }
                }
            }
            for (String path : full) {
                routes.add(new RoutePaths.Route(method.getName(), path));
            }
        }
        return routes;
    }

    /**
     * The paths an annotation names in the given attributes (each a string or an array of strings). The attributes
     * are aliases that all default to the root, so the root counts only when nothing else is named.
     */
    static List<String> paths(AnnotationDescription annotation, String... attributes) {
        Set<String> named = new LinkedHashSet<String>();
        for (String attribute : attributes) {
            if (!declares(annotation, attribute)) {
                continue;
            }
            Object value = annotation.getValue(attribute).resolve();
            if (value instanceof String) {
                named.add((String) value);
            } else if (value instanceof String[]) {
                named.addAll(Arrays.asList((String[]) value));
            }
        }
        if (named.size() > 1) {
            named.remove(ROOT);
        }
        return named.isEmpty() ? Arrays.asList(ROOT) : new ArrayList<String>(named);
    }

    private static boolean declares(AnnotationDescription annotation, String attribute) {
        return !annotation.getAnnotationType().getDeclaredMethods().filter(
                net.bytebuddy.matcher.ElementMatchers.named(attribute)).isEmpty();
    }

    private static AnnotationDescription find(AnnotationList annotations, String typeName) {
        for (AnnotationDescription annotation : annotations) {
            if (typeName.equals(annotation.getAnnotationType().getName())) {
                return annotation;
            }
        }
        return null;
    }
}
