package io.warmgate.agent.webflux;

import io.warmgate.agent.spi.ClassScreen;
import io.warmgate.agent.spi.FrameworkModule;
import io.warmgate.agent.spring.SpringModule;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Spring WebFlux (Spring 6 and later, on Reactor Netty or any other reactive server): health requests gated where
 * the server hands each request to Spring, annotated health controllers and Actuator's reactive health endpoint
 * reported as their classes load (see {@link WebFluxWeaver}). JDK types only: this class is loaded at start-up;
 * the constants it takes from {@link SpringModule} are compile-time constants, so that class is not.
 */
public final class WebFluxModule implements FrameworkModule {

    /** Where every request of a WebFlux application enters Spring (spring-web), on every reactive server. */
    static final String HTTP_WEB_HANDLER_ADAPTER = "org.springframework.web.server.adapter.HttpWebHandlerAdapter";
    /**
     * Spring 6's status type: the advice sets the denial's status through it, so only loaders that see it get the
     * advice. Spring 5's WebFlux (Spring Boot 2) has another signature for that method and is left alone.
     */
    static final String HTTP_STATUS_CODE = "org.springframework.http.HttpStatusCode";
    /** WebFlux's front handler (spring-webflux): a loader that sees it can run annotated WebFlux controllers. */
    static final String DISPATCHER_HANDLER = "org.springframework.web.reactive.DispatcherHandler";
    /** Spring Boot 2.x and 3.x, then Spring Boot 4 (health moved to its own module). */
    static final String[] REACTIVE_HEALTH_WEB_EXTENSIONS = {
        "org.springframework.boot.actuate.health.ReactiveHealthEndpointWebExtension",
        "org.springframework.boot.health.actuate.endpoint.ReactiveHealthEndpointWebExtension",
    };

    @Override
    public String name() {
        return "webflux";
    }

    @Override
    public List<ClassScreen> screens() {
        return Arrays.asList(
                ClassScreen.byName(HTTP_STATUS_CODE, HTTP_WEB_HANDLER_ADAPTER),
                // Where Spring MVC is on the class path too, Spring Boot runs MVC: the controllers are MVC's.
                ClassScreen.byConstant(DISPATCHER_HANDLER, SpringModule.ANNOTATION_PREFIX)
                        .unlessLoaderSees(SpringModule.DISPATCHER_SERVLET)
                        .exceptPackage(SpringModule.SPRING_PACKAGE),
                ClassScreen.byName(SpringModule.ENDPOINT_ANNOTATION, REACTIVE_HEALTH_WEB_EXTENSIONS));
    }

    @Override
    public String weaverClassName() {
        return "io.warmgate.agent.webflux.WebFluxWeaver";
    }

    /**
     * Only spring-webflux itself: the screens' markers, Spring 6's status type and Actuator's annotation, are in
     * every Spring Boot 3 application, MVC ones included, which never need the WebFlux weaver.
     */
    @Override
    public List<String> engineHeadStartMarkers() {
        return Collections.singletonList(DISPATCHER_HANDLER);
    }

    @Override
    public String outlineWeaverClassName() {
        return "io.warmgate.agent.webflux.WebFluxOutlineWeaver";
    }
}
