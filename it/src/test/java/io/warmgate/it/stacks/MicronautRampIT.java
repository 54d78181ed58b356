package io.warmgate.it.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.UngatedPath;
import io.warmgate.testkit.HttpResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Micronaut 4 on its Netty server, gated where Micronaut's request lifecycle starts with the peer from the channel's
 * remote address: the management module's health endpoint ({@code /health}, JSON) is the check every node polls, its
 * readiness selector and a controller method ({@code /ready}) are gated alongside, the liveness selector never, and a
 * controller that answers 503 itself ({@code /sick/health}) stays unhealthy for everyone.
 */
class MicronautRampIT extends StackRampBehaviour {

    private static final String CONTROLLER = "io.warmgate.samples.micronaut.ProbeController";
    private static final String HEALTH = "/health";

    MicronautRampIT() {
        super(StackSample.MICRONAUT, 1.0);
    }

    @Override
    protected List<String> otherGatedPaths() {
        return Stream.concat(super.otherGatedPaths().stream(), Stream.of(HEALTH + "/readiness")).toList();
    }

    @Override
    protected List<UngatedPath> ungatedPaths() {
        return Stream.concat(super.ungatedPaths().stream(),
                Stream.of(new UngatedPath(HEALTH + "/liveness", "{"))).toList();
    }

    @Override
    protected void assertAppHealthy(String path, HttpResult result) {
        if (path.startsWith(HEALTH)) {
            MicronautAnswers.assertManagementUp(result);
        } else {
            super.assertAppHealthy(path, result);
        }
    }

    @Override
    protected List<String> expectedHandlers() {
        return List.of("micronaut-management health endpoint path /health",
                "micronaut " + CONTROLLER + "#ready path /ready",
                "micronaut " + CONTROLLER + "#sick path /sick/health",
                // The gate names Micronaut's entry for each path at its first health check.
                "micronaut io.micronaut.http.server.RequestLifecycle path /health/readiness");
    }

    @Test
    void handlersAreReportedOnceAndLivenessNever() {
        List<String> found = agentLog().containing("health handler found: ");
        assertThat(agentLog().containing("health handler found: micronaut " + CONTROLLER + "#ready path /ready"))
                .hasSize(1);
        assertThat(found).as("agent log\n%s", agentLog())
                .noneMatch(line -> line.contains("servlet") || line.endsWith(" path /livez")
                        || line.contains(" path /health/liveness"));
    }
}
