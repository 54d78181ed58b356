package io.warmgate.agent.spring;

import io.warmgate.agent.TestClassFiles;
import io.warmgate.agent.hook.ClassOutlineReader;
import io.warmgate.agent.spi.ClassOutline;
import io.warmgate.agent.spi.FoundHandler;
import io.warmgate.agent.spi.OutlineDetection;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HandlerLog;
import io.warmgate.core.HealthPathMatcher;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Detection reads the controllers' class files the way the agent does (class outlines read with ASM, interfaces
 * through the class loader: no class is loaded) and must report exactly the GET-able mappings the path rules call health checks.
 */
class SpringDetectionTest {

    // --- controllers as applications write them -------------------------------------------------------------

    @RestController
    static class PlainHealthController {
        @GetMapping("/health")
        public String health() {
            return "UP";
        }

        @GetMapping("/api/items")
        public String items() {
            return "[]";
        }

        @GetMapping("/livez")
        public String alive() {
            return "ALIVE";
        }
    }

    @RestController
    @RequestMapping("/sick")
    static class PrefixedHealthController {
        @GetMapping("/health")
        public String health() {
            return "DOWN";
        }
    }

    @Controller
    static class LegacyController {
        @RequestMapping(value = "/ready", method = RequestMethod.GET)
        public String ready() {
            return "ok";
        }

        @RequestMapping(path = "/healthz", method = RequestMethod.POST)
        public String notForLoadBalancers() {
            return "posted";
        }

        @RequestMapping("/health-check")
        public String anyMethod() {
            return "ok";
        }

        @RequestMapping(path = "/readyz", method = {RequestMethod.POST, RequestMethod.HEAD})
        public String headToo() {
            return "ok";
        }
    }

    @RestController
    @RequestMapping({"/v1", "/v2"})
    static class SeveralPathsController {
        @GetMapping({"/status", "/readiness"})
        public String status() {
            return "ok";
        }
    }

    @RestController
    @RequestMapping("/healthcheck")
    static class ClassLevelOnlyController {
        @GetMapping
        public String check() {
            return "ok";
        }
    }

    @RequestMapping("/probes")
    interface ProbesApi {
        @GetMapping("/ready")
        String ready();

        @GetMapping("/details")
        String details();
    }

    @RestController
    static class GeneratedApiController implements ProbesApi {
        @Override
        public String ready() {
            return "ok";
        }

        @Override
        public String details() {
            return "{}";
        }
    }

    /** Not a controller: its mapping-like annotations mean nothing to Spring, so nothing is reported. */
    static class NotAController {
        @GetMapping("/health")
        public String health() {
            return "UP";
        }
    }

    // --- tests ------------------------------------------------------------------------------------------------

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(AgentLog.Level.INFO, new PrintStream(logged, true));

    @Test
    void findsGetMappingWithAndWithoutClassPrefix() {
        Detector detector = detector(defaults());

        assertThat(detector.matches(describe(PlainHealthController.class))).isFalse();
        assertThat(detector.matches(describe(PrefixedHealthController.class))).isFalse();

        assertThat(lines()).containsExactly(
                "[warmgate] health handler found: spring-mvc " + PlainHealthController.class.getName()
                        + "#health path /health",
                "[warmgate] health handler found: spring-mvc " + PrefixedHealthController.class.getName()
                        + "#health path /sick/health");
    }

    @Test
    void requestMappingCountsOnlyWhenItServesGetOrHead() {
        detector(defaults()).matches(describe(LegacyController.class));

        String prefix = "[warmgate] health handler found: spring-mvc " + LegacyController.class.getName();
        assertThat(lines()).containsExactlyInAnyOrder(
                prefix + "#ready path /ready",
                prefix + "#anyMethod path /health-check",
                prefix + "#headToo path /readyz");
    }

    @Test
    void everyCombinationOfClassAndMethodPathsIsChecked() {
        detector(defaults()).matches(describe(SeveralPathsController.class));

        String prefix = "[warmgate] health handler found: spring-mvc " + SeveralPathsController.class.getName();
        assertThat(lines()).containsExactly(prefix + "#status path /v1/readiness", prefix + "#status path /v2/readiness");
    }

    @Test
    void aMethodWithoutPathTakesTheClassPath() {
        detector(defaults()).matches(describe(ClassLevelOnlyController.class));

        assertThat(lines()).containsExactly("[warmgate] health handler found: spring-mvc "
                + ClassLevelOnlyController.class.getName() + "#check path /healthcheck");
    }

    @Test
    void mappingsDeclaredOnAnImplementedInterfaceAreFound() {
        detector(defaults()).matches(describe(GeneratedApiController.class));

        assertThat(lines()).containsExactly("[warmgate] health handler found: spring-mvc "
                + GeneratedApiController.class.getName() + "#ready path /probes/ready");
    }

    @Test
    void configuredPathsCountAndExcludedPathsAndLivenessNeverDo() {
        HealthPathMatcher configured = new HealthPathMatcher(true, Arrays.asList("/v1/status", "/livez"),
                Arrays.asList("/sick/health"));
        Detector detector = detector(configured);

        detector.matches(describe(SeveralPathsController.class));
        detector.matches(describe(PrefixedHealthController.class));
        detector.matches(describe(PlainHealthController.class));

        assertThat(lines()).extracting(line -> line.substring(line.lastIndexOf(" path ") + 6))
                .containsExactly("/v1/status", "/v1/readiness", "/v2/readiness", "/health");
    }

    @Test
    void withDetectionOffOnlyConfiguredPathsAreReported() {
        detector(new HealthPathMatcher(false, Collections.singletonList("/health"), null))
                .matches(describe(LegacyController.class));
        assertThat(lines()).isEmpty();
    }

    @Test
    void classesThatAreNotControllersAreIgnored() {
        detector(defaults()).matches(describe(NotAController.class));
        detector(defaults()).matches(describe(ProbesApi.class));
        assertThat(lines()).isEmpty();
    }

    @Test
    void eachHandlerIsLoggedOnceHoweverOftenItsClassIsMatched() {
        Detector detector = detector(defaults());
        ClassOutline controller = describe(PlainHealthController.class);

        detector.matches(controller);
        detector.matches(controller);
        detector.matches(describe(PlainHealthController.class));

        assertThat(lines()).hasSize(1);
    }

    @Test
    void actuatorHealthEndpointIsLoggedOnceWhenItsWebExtensionLoads() {
        Detector actuator = detector(new HealthPathMatcher(false, null, null));

        assertThat(actuator.matches(describe(PlainHealthController.class))).isFalse();
        assertThat(lines()).isEmpty();

        for (String name : SpringModule.HEALTH_WEB_EXTENSIONS) {
            ClassOutline extension = new ClassOutline(name, null, List.of(), 0, List.of(), List.of());
            assertThat(actuator.matches(extension)).isFalse();
        }
        assertThat(lines()).singleElement().asString()
                .startsWith("[warmgate] health handler found: spring-actuator health endpoint path /actuator/health")
                .contains("liveness never");
    }

    @Test
    void theSpringModuleOnlyDetectsAndNeedsNoByteBuddy() {
        SpringOutlineWeaver weaver = new SpringOutlineWeaver(new WeaverContext(defaults()));
        assertThat(weaver.guards()).isEmpty();
        assertThat(weaver.detections()).hasSize(2);
        assertThat(new SpringModule().name()).isEqualTo("spring");
        assertThat(new SpringModule().weaverClassName()).isNull();
        assertThat(new SpringModule().outlineWeaverClassName()).isEqualTo(SpringOutlineWeaver.class.getName());
    }

    private Detector detector(HealthPathMatcher paths) {
        return new Detector(new SpringOutlineWeaver(new WeaverContext(paths)), new HandlerLog(log));
    }

    /** The Spring module's detections, reported as the engine reports them; never a match (nothing is woven). */
    private static final class Detector {
        private final SpringOutlineWeaver weaver;
        private final HandlerLog handlers;

        Detector(SpringOutlineWeaver weaver, HandlerLog handlers) {
            this.weaver = weaver;
            this.handlers = handlers;
        }

        boolean matches(ClassOutline type) {
            for (OutlineDetection detection : weaver.detections()) {
                try {
                    for (FoundHandler found : detection.find(type,
                            ClassOutlineReader.through(SpringDetectionTest.class.getClassLoader()))) {
                        handlers.found(found.handler(), found.path(), found.note());
                    }
                } catch (IllegalStateException undescribable) {
                    // As the engine does: one detection that cannot read a type does not stop the others.
                }
            }
            return false;
        }
    }

    private static HealthPathMatcher defaults() {
        return new HealthPathMatcher(true, null, null);
    }

    /** The class's outline, read from its class file as the agent reads it. */
    private static ClassOutline describe(Class<?> type) {
        return ClassOutlineReader.read(TestClassFiles.of(type));
    }

    private List<String> lines() {
        String text = new String(logged.toByteArray(), StandardCharsets.UTF_8);
        return text.isEmpty() ? Collections.<String>emptyList() : Arrays.asList(text.split("\n"));
    }
}
