package io.warmgate.agent.jaxrs;

import io.warmgate.agent.HandlerInstrumentation;
import io.warmgate.core.HealthPathMatcher;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.Collections;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * JAX-RS health resource methods, in the {@code javax.ws.rs} and {@code jakarta.ws.rs} namespaces.
 *
 * <p>Matching cost: the {@code <ns>.ws.rs.Path} marker keeps matching away from every class loader without
 * JAX-RS; in loaders with it, classes of well-known libraries are passed over by name
 * ({@link FrameworkPackages}), every other class is checked for {@code @Path} among its own annotations (read
 * from the class file by name, nothing loaded), and only {@code @Path} classes have their methods examined
 * ({@link HealthResourceMethods}). Classes are instrumented only when they have a health method, so other
 * resources are never rewritten.
 *
 * <p>Gating: the advice decides only for requests that a non-servlet container captured for it
 * ({@link JerseyContainerInstrumentation}); on a servlet container the servlet advice has already decided by the
 * request path before JAX-RS runs, and the JAX-RS advice stays out of it, so no peer is counted twice.
 */
final class JaxRsInstrumentation implements HandlerInstrumentation {

    private final String namespace;
    private final Class<?> advice;
    private final HealthResourceMethods healthMethods;

    private JaxRsInstrumentation(String namespace, Class<?> advice, HealthPathMatcher paths, DetectionLog detections) {
        this.namespace = namespace;
        this.advice = advice;
        this.healthMethods = new HealthResourceMethods(framework(), namespace, paths, detections);
    }

    static JaxRsInstrumentation javax(HealthPathMatcher paths, DetectionLog detections) {
        return new JaxRsInstrumentation("javax", JavaxResourceAdvice.class, paths, detections);
    }

    static JaxRsInstrumentation jakarta(HealthPathMatcher paths, DetectionLog detections) {
        return new JaxRsInstrumentation("jakarta", JakartaResourceAdvice.class, paths, detections);
    }

    @Override
    public String framework() {
        return "jax-rs (" + namespace + ")";
    }

    @Override
    public String markerClass() {
        return namespace + ".ws.rs.Path";
    }

    @Override
    public ElementMatcher<TypeDescription> types() {
        return not(new FrameworkPackages())
                .and(not(isInterface()))
                .and(isAnnotatedWith(named(namespace + ".ws.rs.Path")))
                .and(declaresMethod(healthMethods));
    }

    @Override
    public List<String> classFileHints() {
        // Only classes with @Path among their own annotations are matched, so its type descriptor is a constant.
        return Collections.singletonList("L" + namespace + "/ws/rs/Path;");
    }

    @Override
    public ElementMatcher<MethodDescription> methods() {
        return healthMethods;
    }

    @Override
    public Class<?> advice() {
        return advice;
    }
}
