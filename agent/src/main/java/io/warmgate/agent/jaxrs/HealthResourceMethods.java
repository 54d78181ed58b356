package io.warmgate.agent.jaxrs;

import io.warmgate.agent.spi.FoundHandler;
import io.warmgate.agent.spi.RoutePaths;
import io.warmgate.core.HealthPathMatcher;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.annotation.AnnotationList;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches the JAX-RS resource methods that serve health checks: public {@code @GET} or {@code @HEAD} methods of
 * a class annotated {@code @Path} whose resolved path ({@link ResourcePath}) is gated, that is whose last
 * segment is a health word or which matches a configured {@code paths} entry (and no {@code exclude-paths}
 * entry, and is no liveness path). {@link #foundIn} lists them for the log; matching has no side effects.
 *
 * <p>Only runs for classes that already passed the cheap checks in {@link JaxRsWeaver}, so the
 * annotation reading here is paid by {@code @Path} classes alone. Annotations are read by type name, never by
 * loading the annotation class.
 *
 * <p>JAX-RS lets a method inherit its annotations from the method it overrides or implements when it has none
 * of its own (an interface shared with a client, say). That case is followed: superclasses first, then
 * interfaces, as the specification orders them. Not followed: a {@code @GET} method declared in a superclass of
 * the {@code @Path} class and not overridden (its code lives in the superclass, which may serve other paths),
 * and sub-resource locators, whose paths are only known at run time. On a servlet container the servlet gate
 * still covers both, since it decides by request path.
 */
final class HealthResourceMethods extends ElementMatcher.Junction.AbstractBase<MethodDescription> {

    /** Supertypes searched for inherited annotations; deeper hierarchies are not resource APIs in practice. */
    private static final int MAX_SUPERTYPE_DEPTH = 8;

    private final String framework;
    private final String annotationPackage;
    private final String pathAnnotation;
    private final String getAnnotation;
    private final String headAnnotation;
    private final HealthPathMatcher paths;

    /**
     * @param framework  shown in the log, e.g. "jax-rs (jakarta)"
     * @param namespace  "javax" or "jakarta"
     * @param paths      the configured path rules, the same the gate applies to request paths
     */
    HealthResourceMethods(String framework, String namespace, HealthPathMatcher paths) {
        this.framework = framework;
        this.paths = paths;
        this.annotationPackage = namespace + ".ws.rs.";
        this.pathAnnotation = annotationPackage + "Path";
        this.getAnnotation = annotationPackage + "GET";
        this.headAnnotation = annotationPackage + "HEAD";
    }

    @Override
    public boolean matches(MethodDescription method) {
        return healthPathOf(method) != null;
    }

    /** The health handlers among the type's own methods, named as the log shows them. */
    List<FoundHandler> foundIn(TypeDescription type) {
        List<FoundHandler> found = new ArrayList<FoundHandler>();
        for (MethodDescription method : type.getDeclaredMethods()) {
            String path = healthPathOf(method);
            if (path != null) {
                found.add(new FoundHandler(framework + " " + type.getName() + "#" + method.getName(), path, null));
            }
        }
        return found;
    }

    /** The resolved path of a method that serves health checks, or null for any other method. */
    private String healthPathOf(MethodDescription method) {
        if (!method.isMethod() || !method.isPublic() || method.isStatic() || method.isAbstract()
                || method.isBridge() || method.isSynthetic()) {
            return null;
        }
        AnnotationList annotations = jaxRsAnnotationsOf(method);
        if (annotations == null || !servesGetOrHead(annotations)) {
            return null;
        }
        TypeDescription resource = method.getDeclaringType().asErasure();
        String classPath = pathOf(resource.getDeclaredAnnotations());
        if (classPath == null) {
            return null; // not a root resource: its paths depend on a locator at run time
        }
        // Relative to the application's root: what comes in front at run time (an @ApplicationPath, a servlet
        // mapping, a context path, a Grizzly base URI) is not known here and does not matter, because a request is
        // a health check by how its path ends.
        String path = RoutePaths.join(classPath, pathOf(annotations));
        return paths.isGated(path) ? path : null;
    }

    /**
     * The method's JAX-RS annotations: its own if it has any, else those of the nearest method it overrides or
     * implements that has some. Null when there are none anywhere.
     */
    private AnnotationList jaxRsAnnotationsOf(MethodDescription method) {
        AnnotationList own = method.getDeclaredAnnotations();
        if (hasJaxRsAnnotation(own)) {
            return own;
        }
        TypeDescription declaringType = method.getDeclaringType().asErasure();
        TypeList parameterTypes = method.getParameters().asTypeList().asErasures();
        return inheritedAnnotations(declaringType, method.getName(), parameterTypes, 0);
    }

    private AnnotationList inheritedAnnotations(TypeDefinition type, String name, TypeList parameterTypes, int depth) {
        if (depth >= MAX_SUPERTYPE_DEPTH) {
            return null;
        }
        TypeDescription.Generic superClass = type.getSuperClass();
        if (superClass != null && !superClass.asErasure().represents(Object.class)) {
            AnnotationList found = annotationsDeclaredIn(superClass.asErasure(), name, parameterTypes, depth);
            if (found != null) {
                return found;
            }
        }
        for (TypeDescription.Generic anInterface : type.getInterfaces()) {
            AnnotationList found = annotationsDeclaredIn(anInterface.asErasure(), name, parameterTypes, depth);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private AnnotationList annotationsDeclaredIn(TypeDescription type, String name, TypeList parameterTypes, int depth) {
        MethodList<MethodDescription.InDefinedShape> candidates = type.getDeclaredMethods();
        for (MethodDescription.InDefinedShape candidate : candidates) {
            if (candidate.getName().equals(name)
                    && candidate.getParameters().asTypeList().asErasures().equals(parameterTypes)) {
                AnnotationList annotations = candidate.getDeclaredAnnotations();
                if (hasJaxRsAnnotation(annotations)) {
                    return annotations;
                }
            }
        }
        return inheritedAnnotations(type, name, parameterTypes, depth + 1);
    }

    private boolean hasJaxRsAnnotation(AnnotationList annotations) {
        for (String typeName : annotations.asTypeNames()) {
            // Method annotations live directly in the package (GET, Path, Produces...), not in .core or .ext.
            if (typeName.startsWith(annotationPackage) && typeName.indexOf('.', annotationPackage.length()) < 0) {
                return true;
            }
        }
        return false;
    }

    private boolean servesGetOrHead(AnnotationList annotations) {
        for (String typeName : annotations.asTypeNames()) {
            if (typeName.equals(getAnnotation) || typeName.equals(headAnnotation)) {
                return true;
            }
        }
        return false;
    }

    /** The value of the {@code @Path} among these annotations, or null when there is none. */
    private String pathOf(AnnotationList annotations) {
        for (AnnotationDescription annotation : annotations) {
            if (annotation.getAnnotationType().getName().equals(pathAnnotation)) {
                Object value = annotation.getValue("value").resolve();
                return value instanceof String ? (String) value : null;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "healthResourceMethods(" + annotationPackage + "GET|HEAD)";
    }
}
