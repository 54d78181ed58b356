package io.warmgate.samples.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.ClientCalls;
import io.warmgate.samples.common.SampleBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The sample's services on a real local server, as the integration tests and a load balancer use them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrpcSampleServicesTest {

    private Server server;
    private ManagedChannel channel;

    @BeforeAll
    void start() throws Exception {
        server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                .addService(new SampleHealth().service())
                .addService(new CatalogService(new SampleBackend()).definition())
                .build().start();
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.getPort(), InsecureChannelCredentials.create())
                .build();
    }

    @AfterAll
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void theHealthServiceServesTheServerAndTheCatalogButNotTheSickService() {
        assertThat(status("")).isEqualTo(ServingStatus.SERVING);
        assertThat(status(CatalogService.SERVICE)).isEqualTo(ServingStatus.SERVING);
        assertThat(status(SampleHealth.SICK_SERVICE)).isEqualTo(ServingStatus.NOT_SERVING);
    }

    @Test
    void theBusinessMethodAnswersAnItemAsJsonAndRefusesBadIds() {
        assertThat(ClientCalls.blockingUnaryCall(channel, CatalogService.ITEM, CallOptions.DEFAULT, "7"))
                .startsWith("{\"id\":7,");
        assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel, CatalogService.ITEM, CallOptions.DEFAULT, "x"))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void theHealthSwitchAcceptsUpAndDownOnly() {
        assertThat(SampleHealth.configured(null)).isEqualTo(ServingStatus.SERVING);
        assertThat(SampleHealth.configured(" UP ")).isEqualTo(ServingStatus.SERVING);
        assertThat(SampleHealth.configured("down")).isEqualTo(ServingStatus.NOT_SERVING);
        assertThatThrownBy(() -> SampleHealth.configured("sideways")).hasMessageContaining("use up or down");
    }

    private ServingStatus status(String service) {
        return HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.newBuilder().setService(service).build())
                .getStatus();
    }
}
