package io.warmgate.agent.spring;

import io.warmgate.agent.HandlerInstrumentation;
import io.warmgate.core.HealthPathMatcher;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.Collections;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.none;

/**
 * Spring MVC health controllers ({@code @GetMapping("/health")} and the like): found and logged as their classes
 * load, gated by the servlet advice on the {@code DispatcherServlet} (see {@link HealthControllerDetector}).
 * Works the same for Spring 5 (javax) and Spring 6 (jakarta): the annotations did not change packages.
 */
public final class SpringMvcDetection implements HandlerInstrumentation {

    private final HealthControllerDetector detector;

    SpringMvcDetection(HealthPathMatcher paths, FoundHandlerLog log) {
        this.detector = new HealthControllerDetector(paths, log);
    }

    @Override
    public String framework() {
        return "spring-mvc";
    }

    @Override
    public String markerClass() {
        // Only loaders that see Spring MVC's annotations pay for reading class annotations.
        return RequestMappings.REQUEST_MAPPING;
    }

    @Override
    public ElementMatcher<TypeDescription> types() {
        return detector;
    }

    @Override
    public List<String> classFileHints() {
        // A health mapping is a method annotation of this package (@GetMapping, @RequestMapping, ...), so its
        // type descriptor is a constant of the controller. (Mappings declared only on an implemented interface
        // are not logged; the servlet gate still gates their requests by path.)
        return Collections.singletonList("Lorg/springframework/web/bind/annotation/");
    }

    @Override
    public ElementMatcher<MethodDescription> methods() {
        return none();
    }

    @Override
    public Class<?> advice() {
        return DetectionOnly.class;
    }
}
