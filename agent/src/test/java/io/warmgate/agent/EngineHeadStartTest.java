package io.warmgate.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.agent.jaxrs.JaxRsModule;
import io.warmgate.agent.servlet.ServletModule;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.agent.spring.SpringModule;
import io.warmgate.agent.webflux.WebFluxModule;
import io.warmgate.agent.grpc.GrpcModule;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HandlerLog;
import io.warmgate.core.HealthPathMatcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's head start: which loaders trigger it, and its one run through the weaving path. */
class EngineHeadStartTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(AgentLog.Level.DEBUG, new PrintStream(output, true));
    private final ScreenIndex screens = new ScreenIndex(List.of(new ServletModule(), new JaxRsModule(),
            new SpringModule(), new WebFluxModule(), new GrpcModule()));

    @Test
    void onlyByteBuddyModulesGiveHeadStartMarkersEachOnceAndWebFluxOnlyItsOwnJar() {
        assertThat(screens.engineMarkerClasses())
                .containsExactly("org.springframework.web.reactive.DispatcherHandler", "io.grpc.health.v1.HealthGrpc");
    }

    @Test
    void aLoaderThatSeesAFrameworkTriggersItAndOneThatSeesNoneDoesNot() {
        LoaderChecks loaders = new LoaderChecks(log);
        ClassLoader bare = new URLClassLoader(new URL[0], null); // sees the JDK only

        assertThat(loaders.seesAnyOf(getClass().getClassLoader(), screens.engineMarkerClasses())).isTrue();
        assertThat(loaders.seesAnyOf(bare, screens.engineMarkerClasses())).isFalse();
        assertThat(loaders.seesAnyOf(bare, screens.engineMarkerClasses())).as("cached").isFalse();
    }

    @Test
    void theWarmUpWeavesTheAgentsOwnSampleWithoutComplaint() throws Exception {
        ByteBuddyWeaver weaver = new ByteBuddyWeaver(List.of(new ServletModule(), new JaxRsModule(),
                new SpringModule()), new WeaverContext(new HealthPathMatcher(true, List.of(), List.of())),
                new HandlerLog(log), log);

        weaver.warmUp();

        assertThat(output.toString(StandardCharsets.UTF_8)).doesNotContain("warm-up failed")
                .doesNotContain("health handler found");
    }
}
