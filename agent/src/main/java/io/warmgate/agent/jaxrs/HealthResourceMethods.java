package io.warmgate.agent.jaxrs;

import io.warmgate.agent.spi.AnnotationOutline;
import io.warmgate.agent.spi.ClassOutline;
import io.warmgate.agent.spi.GuardedMethod;
import io.warmgate.agent.spi.MethodGuard;
import io.warmgate.agent.spi.MethodOutline;
import io.warmgate.agent.spi.RoutePaths;
import io.warmgate.agent.spi.TypeOutlines;
import io.warmgate.core.HealthPathMatcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Selects the JAX-RS resource methods that serve health checks, in one namespace, and guards them with
 * {@code <Namespace>ResourceHooks}: public {@code @GET} or {@code @HEAD} methods of a class annotated {@code @Path}
 * whose resolved path is gated, that is whose last segment is a health word or which matches a configured
 * {@code paths} entry (and no {@code exclude-paths} entry, and is no liveness path). Selecting has no side
 * effects. Read from class outlines: annotations by type name, no class loaded.
 *
 * <p>Classes of well-known libraries are passed over by name first ({@link FrameworkPackages}). JAX-RS lets a
 * method inherit its annotations from the method it overrides or implements when it has none of its own (an
 * interface shared with a client, say). That case is followed: superclasses first, then interfaces, as the
 * specification orders them. Not followed: a {@code @GET} method declared in a superclass of the {@code @Path}
 * class and not overridden (its code lives in the superclass, which may serve other paths), and sub-resource
 * locators, whose paths are only known at run time. On a servlet container the servlet gate still covers both,
 * since it decides by request path.
 */
final class HealthResourceMethods implements MethodGuard {

    /** Supertypes searched for inherited annotations; deeper hierarchies are not resource APIs in practice. */
    private static final int MAX_SUPERTYPE_DEPTH = 8;

    private final String framework;
    private final String hooksClassName;
    private final String annotationPackage;
    private final String pathAnnotation;
    private final String getAnnotation;
    private final String headAnnotation;
    private final HealthPathMatcher paths;

    /**
     * @param framework      shown in the log, e.g. "jax-rs (jakarta)"
     * @param namespace      "javax" or "jakarta"
     * @param hooksClassName the guard's hooks for that namespace
     * @param paths          the configured path rules, the same the gate applies to request paths
     */
    HealthResourceMethods(String framework, String namespace, String hooksClassName, HealthPathMatcher paths) {
        this.framework = framework;
        this.hooksClassName = hooksClassName;
        this.paths = paths;
        this.annotationPackage = namespace + ".ws.rs.";
        this.pathAnnotation = annotationPackage + "Path";
        this.getAnnotation = annotationPackage + "GET";
        this.headAnnotation = annotationPackage + "HEAD";
    }

    @Override
    public String hooksClassName() {
        return hooksClassName;
    }

    @Override
    public List<GuardedMethod> select(ClassOutline type, TypeOutlines types) {
        if (FrameworkPackages.contains(type.name()) || type.isInterface() || type.isAnnotation()) {
            return Collections.emptyList();
        }
        AnnotationOutline classPath = type.annotation(pathAnnotation);
        if (classPath == null || classPath.value("value") == null) {
            return Collections.emptyList(); // not a root resource: its paths depend on a locator at run time
        }
        List<GuardedMethod> found = new ArrayList<GuardedMethod>();
        for (MethodOutline method : type.methods()) {
            String path = healthPathOf(type, method, classPath.value("value"), types);
            if (path != null) {
                found.add(new GuardedMethod(method.name(), method.descriptor(),
                        framework + " " + type.name() + "#" + method.name(), path));
            }
        }
        return found;
    }

    /** The resolved path of a method that serves health checks, or null for any other method. */
    private String healthPathOf(ClassOutline type, MethodOutline method, String classPath, TypeOutlines types) {
        if (method.isInitializer() || !method.isPublic() || method.isStatic() || method.isAbstract()
                || method.isGenerated()) {
            return null;
        }
        List<AnnotationOutline> annotations = jaxRsAnnotationsOf(type, method, types);
        if (annotations == null || !servesGetOrHead(annotations)) {
            return null;
        }
        AnnotationOutline methodPath = AnnotationOutline.find(annotations, pathAnnotation);
        // Relative to the application's root: what comes in front at run time (an @ApplicationPath, a servlet
        // mapping, a context path, a Grizzly base URI) is not known here and does not matter, because a request is
        // a health check by how its path ends.
        String path = RoutePaths.join(classPath, methodPath == null ? null : methodPath.value("value"));
        return paths.isGated(path) ? path : null;
    }

    /**
     * The method's JAX-RS annotations: its own if it has any, else those of the nearest method it overrides or
     * implements that has some. Null when there are none anywhere.
     */
    private List<AnnotationOutline> jaxRsAnnotationsOf(ClassOutline type, MethodOutline method, TypeOutlines types) {
        if (hasJaxRsAnnotation(method.annotations())) {
            return method.annotations();
        }
        return inheritedAnnotations(type, method.name(), method.parameterDescriptor(), types, 0);
    }

    private List<AnnotationOutline> inheritedAnnotations(ClassOutline type, String name, String parameters,
                                                         TypeOutlines types, int depth) {
        if (depth >= MAX_SUPERTYPE_DEPTH) {
            return null;
        }
        List<String> supertypes = new ArrayList<String>();
        if (type.superName() != null) {
            supertypes.add(type.superName());
        }
        supertypes.addAll(type.interfaces());
        for (String supertype : supertypes) {
            ClassOutline outline = types.find(supertype);
            if (outline == null) {
                continue;
            }
            for (MethodOutline candidate : outline.methods()) {
                if (candidate.name().equals(name) && candidate.parameterDescriptor().equals(parameters)
                        && hasJaxRsAnnotation(candidate.annotations())) {
                    return candidate.annotations();
                }
            }
            List<AnnotationOutline> found = inheritedAnnotations(outline, name, parameters, types, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private boolean hasJaxRsAnnotation(List<AnnotationOutline> annotations) {
        for (AnnotationOutline annotation : annotations) {
            String typeName = annotation.typeName();
            // Method annotations live directly in the package (GET, Path, Produces...), not in .core or .ext.
            if (typeName.startsWith(annotationPackage) && typeName.indexOf('.', annotationPackage.length()) < 0) {
                return true;
            }
        }
        return false;
    }

    private boolean servesGetOrHead(List<AnnotationOutline> annotations) {
        return AnnotationOutline.find(annotations, getAnnotation) != null
                || AnnotationOutline.find(annotations, headAnnotation) != null;
    }

    @Override
    public String toString() {
        return "healthResourceMethods(" + annotationPackage + "GET|HEAD)";
    }
}
