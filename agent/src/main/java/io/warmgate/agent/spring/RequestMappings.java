package io.warmgate.agent.spring;

import io.warmgate.agent.spi.RoutePaths;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.annotation.AnnotationList;
import net.bytebuddy.description.annotation.AnnotationValue;
import net.bytebuddy.description.enumeration.EnumerationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads Spring MVC request mappings from class files, by annotation name only: the agent needs no Spring classes,
 * and nothing is loaded or initialised.
 *
 * <p>What it covers, as Spring resolves it: {@code @GetMapping} and {@code @RequestMapping} (with no method or
 * with GET or HEAD among its methods, the methods a load balancer checks with) on the controller's own methods
 * or on the methods of the interfaces it implements directly (generated API interfaces put them there), combined
 * with the class-level {@code @RequestMapping} of the class, or else of such an interface. Not covered: mappings
 * inherited from superclasses and custom composed annotations; those handlers are still gated by their request
 * path, they only miss the class-load log line.
 */
final class RequestMappings {

    static final String CONTROLLER = "org.springframework.stereotype.Controller";
    static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
    static final String REQUEST_MAPPING = SpringModule.REQUEST_MAPPING;
    static final String GET_MAPPING = "org.springframework.web.bind.annotation.GetMapping";

    private static final Set<String> READ_METHODS = new HashSet<String>(Arrays.asList("GET", "HEAD"));


    private RequestMappings() {
    }

    /**
     * Cheap pre-filter on the class's own annotations (their names are known without reading the annotation
     * types): {@code @Controller}, {@code @RestController} or a class-level {@code @RequestMapping}.
     */
    static boolean isController(TypeDescription type) {
        if (type.isInterface() || type.isAnnotation()) {
            return false;
        }
        for (AnnotationDescription annotation : type.getDeclaredAnnotations()) {
            String name = annotation.getAnnotationType().getName();
            if (CONTROLLER.equals(name) || REST_CONTROLLER.equals(name) || REQUEST_MAPPING.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Every GET-able handler method of the controller with each path it is mapped to. */
    static List<RoutePaths.Route> of(TypeDescription controller) {
        List<TypeDescription> interfaces = new ArrayList<TypeDescription>();
        for (TypeDescription.Generic implemented : controller.getInterfaces()) {
            interfaces.add(implemented.asErasure());
        }
        List<String> classPaths = classPaths(controller, interfaces);
        List<RoutePaths.Route> mappings = new ArrayList<RoutePaths.Route>();
        Set<String> seen = new HashSet<String>();
        addMethods(controller, classPaths, mappings, seen);
        for (TypeDescription implemented : interfaces) {
            addMethods(implemented, classPaths, mappings, seen);
        }
        return mappings;
    }

    private static List<String> classPaths(TypeDescription controller, List<TypeDescription> interfaces) {
        AnnotationDescription own = find(controller.getDeclaredAnnotations(), REQUEST_MAPPING);
        if (own != null) {
            return paths(own);
        }
        for (TypeDescription implemented : interfaces) {
            AnnotationDescription inherited = find(implemented.getDeclaredAnnotations(), REQUEST_MAPPING);
            if (inherited != null) {
                return paths(inherited);
            }
        }
        return Collections.emptyList();
    }

    private static void addMethods(TypeDescription type, List<String> classPaths, List<RoutePaths.Route> mappings,
                                   Set<String> seen) {
        for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
            if (method.isConstructor() || method.isStatic() || method.isBridge() || method.isSynthetic()) {
                continue;
            }
            List<String> methodPaths = methodPaths(method.getDeclaredAnnotations());
            // A controller method overriding a mapped interface method is one handler, listed once.
            if (methodPaths == null || !seen.add(method.getName() + method.getDescriptor())) {
                continue;
            }
            for (String path : MappedPaths.combine(classPaths, methodPaths)) {
                mappings.add(new RoutePaths.Route(method.getName(), path));
            }
        }
    }

    /** The paths of a GET-able mapping annotation, or null when the method has none. */
    private static List<String> methodPaths(AnnotationList annotations) {
        AnnotationDescription get = find(annotations, GET_MAPPING);
        if (get != null) {
            return paths(get);
        }
        AnnotationDescription request = find(annotations, REQUEST_MAPPING);
        if (request != null && servesReads(request)) {
            return paths(request);
        }
        return null;
    }

    private static boolean servesReads(AnnotationDescription requestMapping) {
        EnumerationDescription[] methods = requestMapping.getValue("method").resolve(EnumerationDescription[].class);
        if (methods.length == 0) {
            return true; // no method restriction: every method, GET included
        }
        for (EnumerationDescription method : methods) {
            if (READ_METHODS.contains(method.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** {@code path} and its alias {@code value}; Spring allows either, never both with different content. */
    private static List<String> paths(AnnotationDescription mapping) {
        List<String> paths = new ArrayList<String>();
        for (String property : new String[] {"path", "value"}) {
            AnnotationValue<?, ?> value = mapping.getValue(property);
            for (String path : value.resolve(String[].class)) {
                if (!paths.contains(path)) {
                    paths.add(path);
                }
            }
        }
        return paths;
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
