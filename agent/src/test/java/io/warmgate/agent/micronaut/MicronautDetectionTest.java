package io.warmgate.agent.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Head;
import io.micronaut.http.annotation.Post;
import io.warmgate.agent.spi.Detection;
import io.warmgate.agent.spi.FoundHandler;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.core.HealthPathMatcher;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.Test;

/**
 * Controllers' GET and HEAD routes on health paths, read from the class files the way the engine reads them (a type
 * pool, nothing loaded), with Micronaut's real annotations; and the management health endpoint, by its name.
 */
class MicronautDetectionTest {

    @Controller("/ops")
    static class OpsController {
        @Get("/health")
        String health() {
            return "UP";
        }

        @Get(uris = {"/ready", "/readyz"})
        String ready() {
            return "UP";
        }

        @Head("status/")
        void status() {
        }

        @Get("/livez")
        String liveness() {
            return "ALIVE";
        }

        @Post("/health")
        String changeHealth() {
            return "no";
        }

        @Get("/items")
        String items() {
            return "[]";
        }
    }

    @Controller
    static class RootController {
        @Get(uri = "/healthz")
        String healthz() {
            return "UP";
        }

        @Get
        String index() {
            return "hello";
        }
    }

    @Controller("/readiness")
    static class ReadinessController {
        @Get
        String check() {
            return "UP";
        }
    }

    static class NotAController {
        @Get("/health")
        String health() {
            return "UP";
        }
    }

    private final HealthPathMatcher paths = new HealthPathMatcher(true, List.of("/ops/status"), null);
    private final MicronautWeaver weaver = new MicronautWeaver(new WeaverContext(paths));

    @Test
    void reportsEachGetOrHeadRouteOnAHealthPathWithTheControllersPath() {
        assertThat(found(OpsController.class)).containsExactly(
                "micronaut " + OpsController.class.getName() + "#health path /ops/health",
                "micronaut " + OpsController.class.getName() + "#ready path /ops/ready",
                "micronaut " + OpsController.class.getName() + "#ready path /ops/readyz",
                "micronaut " + OpsController.class.getName() + "#status path /ops/status");
    }

    @Test
    void aControllerAtTheRootAndARouteWithoutAPathUseTheOtherOnesPath() {
        assertThat(found(RootController.class)).containsExactly(
                "micronaut " + RootController.class.getName() + "#healthz path /healthz");
        assertThat(found(ReadinessController.class)).containsExactly(
                "micronaut " + ReadinessController.class.getName() + "#check path /readiness");
    }

    @Test
    void classesWithoutTheControllerAnnotationAreNotControllers() {
        assertThat(found(NotAController.class)).isEmpty();
    }

    @Test
    void theManagementHealthEndpointIsReportedByItsName() {
        // A class of that name (management itself is not on the test class path): only the name counts.
        TypeDescription endpoint = new ByteBuddy().subclass(Object.class).name(MicronautModule.HEALTH_ENDPOINT)
                .make().getTypeDescription();
        List<String> lines = new ArrayList<>();
        for (Detection detection : weaver.detections()) {
            detection.find(endpoint).forEach(handler -> lines.add(handler.toString()));
        }
        assertThat(lines).containsExactly("micronaut-management health endpoint path /health");
    }

    private List<String> found(Class<?> controller) {
        TypePool pool = TypePool.Default.of(ClassFileLocator.ForClassLoader.of(controller.getClassLoader()));
        TypeDescription type = pool.describe(controller.getName()).resolve();
        List<String> lines = new ArrayList<>();
        for (Detection detection : weaver.detections()) {
            for (FoundHandler handler : detection.find(type)) {
                lines.add(handler.toString());
            }
        }
        return lines;
    }
}
