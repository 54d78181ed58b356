package io.warmgate.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.agent.jaxrs.JaxRsModule;
import io.warmgate.agent.servlet.ServletModule;
import io.warmgate.agent.spi.FrameworkModule;
import io.warmgate.agent.spring.SpringModule;
import io.warmgate.agent.webflux.WebFluxModule;
import io.warmgate.core.AgentLog;
import net.bytebuddy.ByteBuddy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring MVC and WebFlux share the controller annotations, so which stack a controller belongs to is told by what
 * its class loader sees, the way Spring Boot decides: the transformer, with every module, on loaders that see Spring
 * MVC's {@code DispatcherServlet}, WebFlux's {@code DispatcherHandler} or both. A controller is reported once, for
 * the stack that serves it.
 */
class SpringStackScreensTest {

    private static final String DISPATCHER_SERVLET = "org/springframework/web/servlet/DispatcherServlet.class";
    private static final String DISPATCHER_HANDLER = "org/springframework/web/reactive/DispatcherHandler.class";

    /**
     * {@link StackTestController} renamed into an application's package before the transformer sees it: the
     * transformer never looks at warmgate's own classes.
     */
    private static final String CONTROLLER = "com.acme.shop.HealthController";

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

    @Test
    void aControllerWhereOnlyWebFluxRunsIsAWebFluxHandler() throws IOException {
        assertThat(foundLines(Set.of(DISPATCHER_HANDLER))).singleElement().asString()
                .contains("health handler found: spring-webflux " + CONTROLLER + "#health path /health");
    }

    @Test
    void aControllerWhereOnlySpringMvcRunsIsAnMvcHandler() throws IOException {
        assertThat(foundLines(Set.of(DISPATCHER_SERVLET))).singleElement().asString()
                .contains("health handler found: spring-mvc " + CONTROLLER + "#health");
    }

    @Test
    void withBothOnTheClassPathSpringBootRunsMvcSoTheControllerIsReportedOnceAsMvc() throws IOException {
        assertThat(foundLines(Set.of(DISPATCHER_SERVLET, DISPATCHER_HANDLER))).singleElement().asString()
                .contains("health handler found: spring-mvc ");
    }

    @Test
    void withNeitherStackNothingIsReported() throws IOException {
        assertThat(foundLines(Set.of())).isEmpty();
    }

    @Test
    void springsOwnClassesAreNeverReadAsControllers() throws IOException {
        assertThat(foundLines(Set.of(DISPATCHER_SERVLET, DISPATCHER_HANDLER), "org.springframework.boot.Probe"))
                .isEmpty();
        assertThat(foundLines(Set.of(DISPATCHER_HANDLER), "org.springframework.boot.Probe")).isEmpty();
    }

    /** Offers the controller's class file to a transformer with every module, from a loader seeing {@code markers}. */
    private List<String> foundLines(Set<String> markers) throws IOException {
        return foundLines(markers, CONTROLLER);
    }

    /** The same, with the controller renamed to {@code controllerName}. */
    private List<String> foundLines(Set<String> markers, String controllerName) throws IOException {
        AgentLog log = new AgentLog(AgentLog.Level.INFO, new PrintStream(logged, true));
        List<FrameworkModule> modules = List.of(new ServletModule(), new JaxRsModule(), new SpringModule(),
                new WebFluxModule());
        HandlerTransformer transformer = TestTransformers.of(modules, log);
        byte[] classFile = new ByteBuddy().redefine(StackTestController.class).name(controllerName).make().getBytes();
        transformer.transform(new StackLoader(markers), controllerName.replace('.', '/'), null, null, classFile);
        return logged.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("handler found")).toList();
    }

    /** Sees the test class path, plus the given marker classes as resources (nothing is ever loaded from them). */
    private static final class StackLoader extends ClassLoader {
        private final Set<String> markers;

        StackLoader(Set<String> markers) {
            super(SpringStackScreensTest.class.getClassLoader());
            this.markers = markers;
        }

        @Override
        public URL getResource(String name) {
            if (markers.contains(name)) {
                return SpringStackScreensTest.class.getResource("SpringStackScreensTest.class");
            }
            return super.getResource(name);
        }
    }
}

/** A controller as applications write them; top-level so that renaming it leaves no nest to another package. */
@RestController
class StackTestController {
    @GetMapping("/health")
    public String health() {
        return "UP";
    }
}
