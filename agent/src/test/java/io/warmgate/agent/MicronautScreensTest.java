package io.warmgate.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.warmgate.agent.jaxrs.JaxRsModule;
import io.warmgate.agent.micronaut.MicronautModule;
import io.warmgate.agent.servlet.ServletModule;
import io.warmgate.agent.spi.FrameworkModule;
import io.warmgate.agent.spring.SpringModule;
import io.warmgate.agent.webflux.WebFluxModule;
import io.warmgate.core.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import net.bytebuddy.ByteBuddy;
import org.junit.jupiter.api.Test;

/**
 * The Micronaut module through the agent's own transformer, with every other module beside it: a controller's class
 * file is reported as Micronaut's (and by no other module), and Micronaut's real request lifecycle is rewritten only
 * in a loader that sees the Netty server, because elsewhere (micronaut-servlet) the servlet gate decides.
 */
class MicronautScreensTest {

    private static final String NETTY_SERVER = "io/micronaut/http/server/netty/NettyHttpServer.class";
    private static final String LIFECYCLE = "io/micronaut/http/server/RequestLifecycle";
    /** {@link MicronautTestController} renamed into an application's package: warmgate's own are never looked at. */
    private static final String CONTROLLER = "com.acme.shop.ProbeController";

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(AgentLog.Level.INFO, new PrintStream(logged, true));
    private final List<FrameworkModule> modules = List.of(new ServletModule(), new JaxRsModule(), new SpringModule(),
            new WebFluxModule(), new MicronautModule());
    private final HandlerTransformer transformer = TestTransformers.of(modules, log);

    @Test
    void aControllerIsReportedOnceAsMicronautsWithItsFullPath() {
        byte[] classFile = new ByteBuddy().redefine(MicronautTestController.class).name(CONTROLLER).make().getBytes();
        transformer.transform(new MarkerLoader(Set.of()), CONTROLLER.replace('.', '/'), null, null, classFile);
        assertThat(foundLines()).singleElement().asString()
                .endsWith("health handler found: micronaut " + CONTROLLER + "#ready path /probes/ready");
    }

    @Test
    void theLifecycleIsRewrittenWhereTheNettyServerRuns() throws IOException {
        byte[] woven = transformer.transform(new MarkerLoader(Set.of(NETTY_SERVER)), LIFECYCLE, null, null,
                lifecycleClassFile());
        assertThat(woven).as("the rewritten lifecycle").isNotNull();
        assertThat(new String(woven, StandardCharsets.ISO_8859_1)).contains("io/warmgate/bridge/GateBridge");
    }

    @Test
    void theLifecycleIsLeftAloneWithoutTheNettyServer() throws IOException {
        assertThat(transformer.transform(new MarkerLoader(Set.of()), LIFECYCLE, null, null, lifecycleClassFile()))
                .isNull();
    }

    private static byte[] lifecycleClassFile() throws IOException {
        try (InputStream in = MicronautScreensTest.class.getClassLoader().getResourceAsStream(LIFECYCLE + ".class")) {
            assertThat(in).as("micronaut-http-server on the test class path").isNotNull();
            return in.readAllBytes();
        }
    }

    private List<String> foundLines() {
        return logged.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("handler found")).toList();
    }

    /** Sees the test class path, plus the given marker classes as resources (nothing is ever loaded from them). */
    private static final class MarkerLoader extends ClassLoader {
        private final Set<String> markers;

        MarkerLoader(Set<String> markers) {
            super(MicronautScreensTest.class.getClassLoader());
            this.markers = markers;
        }

        @Override
        public URL getResource(String name) {
            if (markers.contains(name)) {
                return MicronautScreensTest.class.getResource("MicronautScreensTest.class");
            }
            return super.getResource(name);
        }
    }
}

/** A controller as applications write them; top-level so that renaming it leaves no nest to another package. */
@Controller("/probes")
class MicronautTestController {
    @Get("/ready")
    public String ready() {
        return "UP";
    }

    @Get("/items")
    public String items() {
        return "[]";
    }
}
