package io.warmgate.it.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.Answers;
import io.warmgate.it.support.UngatedPath;
import io.warmgate.testkit.HttpResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Quarkus 3 on Vert.x web, as Quarkus's Maven plugin packages it: its reactive routes and SmallRye Health's readiness
 * probe ({@code /q/health/ready}, JSON) are gated where Quarkus hands each request to its root Vert.x router, each
 * once; SmallRye Health's liveness probe ({@code /q/health/live}) is never gated.
 */
class QuarkusRampIT extends StackRampBehaviour {

    private static final String SMALLRYE_READY = "/q/health/ready";

    QuarkusRampIT() {
        super(StackSample.QUARKUS, 1.0);
    }

    @Override
    protected List<String> expectedHandlers() {
        return List.of("vertx-web io.vertx.ext.web.Router path /health",
                "vertx-web io.vertx.ext.web.Router path /ready",
                "vertx-web io.vertx.ext.web.Router path " + SMALLRYE_READY);
    }

    @Override
    protected List<String> otherGatedPaths() {
        return List.of(StackSample.SECOND_HEALTH, SMALLRYE_READY);
    }

    @Override
    protected List<UngatedPath> ungatedPaths() {
        List<UngatedPath> paths = new ArrayList<>(super.ungatedPaths());
        paths.add(new UngatedPath("/q/health/live", "{"));
        return paths;
    }

    @Override
    protected void assertAppHealthy(String path, HttpResult result) {
        if (!path.equals(SMALLRYE_READY)) {
            Answers.assertAppHealthy(result);
            return;
        }
        assertThat(result.status()).as("status of %s", result).isEqualTo(200);
        assertThat(result.body()).as("body of %s", result).startsWith("{")
                .containsPattern("\"status\"\\s*:\\s*\"UP\"").contains("\"catalog\"");
        Answers.assertNotTouchedByWarmgate(result);
    }
}
