package io.warmgate.agent.webflux;

import io.warmgate.agent.spi.MethodGuard;
import io.warmgate.agent.spi.OutlineDetection;
import io.warmgate.agent.spi.OutlineWeaver;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.agent.spring.SpringControllers;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Detection only, for the log: annotated controllers (through the reader Spring MVC uses, see
 * {@link SpringControllers}) and Actuator's reactive health endpoint. Functional routes are not reported as their
 * classes load: their paths are values handed to a builder at run time, not annotations a class file carries, so
 * nothing ties a path to a handler before the application runs. The gate reports each at its first health check.
 */
public final class WebFluxOutlineWeaver implements OutlineWeaver {

    private final List<OutlineDetection> detections;

    public WebFluxOutlineWeaver(WeaverContext context) {
        this.detections = Arrays.asList(
                SpringControllers.detection("spring-webflux", context.paths()),
                SpringControllers.actuator("spring-actuator (webflux) health endpoint",
                        WebFluxModule.REACTIVE_HEALTH_WEB_EXTENSIONS));
    }

    @Override
    public List<MethodGuard> guards() {
        return Collections.emptyList();
    }

    @Override
    public List<OutlineDetection> detections() {
        return detections;
    }
}
