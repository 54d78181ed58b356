package io.warmgate.it.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.RampBehaviour;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.UngatedPath;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.LoopbackPeers;
import io.warmgate.testkit.SampleProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The ramp suite's promises for gRPC health checks: 16 nodes, each a gRPC client bound to its own 127.0.0.N, call
 * {@code grpc.health.v1.Health/Check} on the gRPC sample (grpc-java on Netty, {@code HealthStatusManager}) through
 * {@link GrpcHealthGateway}, which lets the suite's HTTP nodes and timing bounds apply unchanged.
 *
 * <p>Gated: {@code Check} for the whole server and for a named service. Never gated: the business method, and
 * {@code Watch} (not gated by design), both asked by nodes that are denied at that moment. The application's own
 * {@code NOT_SERVING} ({@value GrpcSampleJar#SICK_SERVICE}) stays so for everyone.
 */
class GrpcRampIT extends RampBehaviour {

    private static final String HEALTH_SERVICE = "io.grpc.protobuf.services.HealthServiceImpl";

    @AutoClose
    private GrpcHealthGateway gateway;

    @Override
    protected String label() {
        return "grpc-ramp";
    }

    @Override
    protected SampleProcess startSample(String agentArgs) {
        SampleProcess sample = GrpcSampleJar.startWithAgent(label(), agentArgs, Map.of());
        List<String> nodes = new ArrayList<>(LoopbackPeers.first(16));
        nodes.add("127.0.0.1"); // the suite's warm-up host
        gateway = GrpcHealthGateway.to(sample.port(), nodes);
        return sample;
    }

    @Override
    protected int healthPort(SampleProcess started) {
        return gateway.port();
    }

    @Override
    protected String probedPath() {
        return GrpcHealthGateway.CHECK;
    }

    @Override
    protected List<String> otherGatedPaths() {
        return List.of(GrpcHealthGateway.CHECK + "?service=" + GrpcSampleJar.CATALOG_SERVICE);
    }

    @Override
    protected List<UngatedPath> ungatedPaths() {
        return List.of(new UngatedPath(GrpcHealthGateway.ITEM + "?id=7", "{"),
                new UngatedPath(GrpcHealthGateway.WATCH, "SERVING\n"));
    }

    @Override
    protected List<String> unhealthyPaths() {
        return List.of(GrpcHealthGateway.CHECK + "?service=" + GrpcSampleJar.SICK_SERVICE);
    }

    @Override
    protected void assertAppHealthy(String path, HttpResult result) {
        assertThat(result.status()).as("status of %s", result).isEqualTo(200);
        assertThat(result.body()).as("serving status in %s", result).isEqualTo("SERVING\n");
        Answers.assertNotTouchedByWarmgate(result);
    }

    @Override
    protected void assertAppUnhealthy(String path, HttpResult result) {
        assertThat(result.status()).as("status of %s", result).isEqualTo(503);
        assertThat(result.body()).as("serving status in %s", result).isEqualTo("NOT_SERVING\n");
        Answers.assertNotTouchedByWarmgate(result);
    }

    @Override
    protected List<Condition<String>> expectedHandlerLines() {
        return List.of(handlerLineWith("grpc " + HEALTH_SERVICE + "#check path " + GrpcHealthGateway.CHECK));
    }

    @Test
    void anUnhealthyAppStaysUnhealthyForEveryone() {
        assertAnUnhealthyAppStaysUnhealthyForEveryone();
    }

    @Test
    void theHealthServiceIsLoggedOnceAtClassLoadAndNothingElseOfGrpc() {
        assertThat(agentLog().containing("health handler found"))
                .containsExactly("[warmgate] health handler found: grpc " + HEALTH_SERVICE + "#check path "
                        + GrpcHealthGateway.CHECK);
    }
}
