package io.warmgate.agent.spring;

import io.warmgate.agent.spi.ClassScreen;
import io.warmgate.agent.spi.FrameworkModule;

import java.util.Arrays;
import java.util.List;

/**
 * Spring MVC health controllers and Spring Boot Actuator's health endpoint: found and logged as their classes
 * load (see {@link SpringOutlineWeaver}, no Byte Buddy), gated by the servlet hook on the
 * {@code DispatcherServlet}. JDK types only: this class is loaded at start-up.
 */
public final class SpringModule implements FrameworkModule {

    static final String REQUEST_MAPPING = "org.springframework.web.bind.annotation.RequestMapping";
    /**
     * Spring MVC's front servlet: a loader that sees it runs Spring MVC. The annotations themselves live in spring-web,
     * which WebFlux applications have too; their controllers are the webflux module's.
     */
    public static final String DISPATCHER_SERVLET = "org.springframework.web.servlet.DispatcherServlet";
    /** The package of the mapping annotations, as their type descriptors in a controller's constant pool start. */
    public static final String ANNOTATION_PREFIX = "Lorg/springframework/web/bind/annotation/";
    /** Spring's own classes, which use its annotations by the dozen and are never an application's controllers. */
    public static final String SPRING_PACKAGE = "org/springframework/";
    public static final String ENDPOINT_ANNOTATION = "org.springframework.boot.actuate.endpoint.annotation.Endpoint";
    /** Spring Boot 2.x and 3.x, then Spring Boot 4 (health moved to its own module). */
    public static final String[] HEALTH_WEB_EXTENSIONS = {
        "org.springframework.boot.actuate.health.HealthEndpointWebExtension",
        "org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension",
    };

    @Override
    public String name() {
        return "spring";
    }

    @Override
    public List<ClassScreen> screens() {
        return Arrays.asList(
                // A health mapping is a method annotation of this package (@GetMapping, @RequestMapping, ...), so
                // its type descriptor is a constant of the controller. (Mappings declared only on an implemented
                // interface are not logged; the servlet gate still gates their requests by path.) Only where Spring
                // MVC runs: the same annotations in a WebFlux application are the webflux module's to report.
                ClassScreen.byConstant(DISPATCHER_SERVLET, ANNOTATION_PREFIX).exceptPackage(SPRING_PACKAGE),
                ClassScreen.byName(ENDPOINT_ANNOTATION, HEALTH_WEB_EXTENSIONS));
    }

    @Override
    public String weaverClassName() {
        return null;
    }

    @Override
    public String outlineWeaverClassName() {
        return "io.warmgate.agent.spring.SpringOutlineWeaver";
    }
}
