package io.warmgate.agent.spring;

import io.warmgate.agent.spi.AnnotationOutline;
import io.warmgate.agent.spi.ClassOutline;
import io.warmgate.agent.spi.MethodOutline;
import io.warmgate.agent.spi.RoutePaths;
import io.warmgate.agent.spi.TypeOutlines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads Spring request mappings from class outlines, by annotation name only: the agent needs no Spring classes,
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
     * Cheap pre-filter on the class's own annotations: {@code @Controller}, {@code @RestController} or a
     * class-level {@code @RequestMapping}.
     */
    static boolean isController(ClassOutline type) {
        if (type.isInterface() || type.isAnnotation()) {
            return false;
        }
        return type.annotation(CONTROLLER) != null || type.annotation(REST_CONTROLLER) != null
                || type.annotation(REQUEST_MAPPING) != null;
    }

    /** Every GET-able handler method of the controller with each path it is mapped to. */
    static List<RoutePaths.Route> of(ClassOutline controller, TypeOutlines types) {
        List<ClassOutline> interfaces = new ArrayList<ClassOutline>();
        for (String name : controller.interfaces()) {
            ClassOutline implemented = types.find(name);
            if (implemented != null) {
                interfaces.add(implemented);
            }
        }
        List<String> classPaths = classPaths(controller, interfaces);
        List<RoutePaths.Route> mappings = new ArrayList<RoutePaths.Route>();
        Set<String> seen = new HashSet<String>();
        addMethods(controller, classPaths, mappings, seen);
        for (ClassOutline implemented : interfaces) {
            addMethods(implemented, classPaths, mappings, seen);
        }
        return mappings;
    }

    private static List<String> classPaths(ClassOutline controller, List<ClassOutline> interfaces) {
        AnnotationOutline own = controller.annotation(REQUEST_MAPPING);
        if (own != null) {
            return paths(own);
        }
        for (ClassOutline implemented : interfaces) {
            AnnotationOutline inherited = implemented.annotation(REQUEST_MAPPING);
            if (inherited != null) {
                return paths(inherited);
            }
        }
        return Collections.emptyList();
    }

    private static void addMethods(ClassOutline type, List<String> classPaths, List<RoutePaths.Route> mappings,
                                   Set<String> seen) {
        for (MethodOutline method : type.methods()) {
            if (method.isInitializer() || method.isStatic() || method.isGenerated()) {
                continue;
            }
            List<String> methodPaths = methodPaths(method);
            // A controller method overriding a mapped interface method is one handler, listed once.
            if (methodPaths == null || !seen.add(method.name() + method.descriptor())) {
                continue;
            }
            for (String path : MappedPaths.combine(classPaths, methodPaths)) {
                mappings.add(new RoutePaths.Route(method.name(), path));
            }
        }
    }

    /** The paths of a GET-able mapping annotation, or null when the method has none. */
    private static List<String> methodPaths(MethodOutline method) {
        AnnotationOutline get = method.annotation(GET_MAPPING);
        if (get != null) {
            return paths(get);
        }
        AnnotationOutline request = method.annotation(REQUEST_MAPPING);
        if (request != null && servesReads(request)) {
            return paths(request);
        }
        return null;
    }

    private static boolean servesReads(AnnotationOutline requestMapping) {
        List<String> methods = requestMapping.values("method");
        if (methods.isEmpty()) {
            return true; // no method restriction: every method, GET included
        }
        for (String method : methods) {
            if (READ_METHODS.contains(method)) {
                return true;
            }
        }
        return false;
    }

    /** {@code path} and its alias {@code value}; Spring allows either, never both with different content. */
    private static List<String> paths(AnnotationOutline mapping) {
        List<String> paths = new ArrayList<String>();
        for (String property : new String[] {"path", "value"}) {
            for (String path : mapping.values(property)) {
                if (!paths.contains(path)) {
                    paths.add(path);
                }
            }
        }
        return paths;
    }
}
