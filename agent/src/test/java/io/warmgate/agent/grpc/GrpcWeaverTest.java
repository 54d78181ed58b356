package io.warmgate.agent.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import io.warmgate.agent.spi.FoundHandler;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.agent.spi.Weaving;
import io.warmgate.agent.testing.Woven;
import io.warmgate.core.HealthPathMatcher;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.Test;

/** What the gRPC module weaves and reports, matched against grpc-java's real classes (1.85). */
class GrpcWeaverTest {

    private static final String HEALTH_SERVICE_IMPL = "io.grpc.protobuf.services.HealthServiceImpl";

    /** A health service written against the generated interface rather than the base class. */
    static final class AsyncHealth implements HealthGrpc.AsyncService {
        @Override
        public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> answer) {
        }
    }

    /** A class with a method of the same shape that is no health service. */
    static final class LookAlike {
        public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> answer) {
        }
    }

    private final GrpcWeaver detecting = weaver(new HealthPathMatcher(true, List.of(), List.of()));

    @Test
    void theHealthStatusManagersServiceAndAnyAsyncServiceAreGatedInTheirCheckMethodOnly() throws Exception {
        Weaving services = Woven.gate(detecting, "grpc health service");
        TypeDescription impl = type(Class.forName(HEALTH_SERVICE_IMPL));
        assertThat(services.types().matches(impl)).isTrue();
        assertThat(services.types().matches(type(AsyncHealth.class))).isTrue();
        assertThat(services.types().matches(type(LookAlike.class))).as("not a health service").isFalse();
        assertThat(services.types().matches(type(HealthGrpc.HealthImplBase.class))).as("generated").isFalse();
        assertThat(services.types().matches(type(HealthGrpc.AsyncService.class))).as("generated").isFalse();
        assertThat(impl.getDeclaredMethods().filter(services.methods()))
                .extracting(MethodDescription::getName).containsExactly("check");
    }

    @Test
    void callsAreCapturedWhereGrpcStartsUnaryCallsOnly() throws Exception {
        Weaving start = Woven.gate(detecting, "grpc call start");
        TypeDescription unary = type(Class.forName(GrpcModule.UNARY_CALL_HANDLER));
        assertThat(start.types().matches(unary)).isTrue();
        assertThat(start.types().matches(type(Class.forName("io.grpc.stub.ServerCalls$StreamingServerCallHandler"))))
                .isFalse();
        assertThat(unary.getDeclaredMethods().filter(start.methods()))
                .extracting(MethodDescription::getName).containsExactly("startCall");
    }

    @Test
    void theHealthServiceIsReportedWithTheLineTheGateLogsAtTheFirstCheck() throws Exception {
        List<FoundHandler> found = detecting.detections().get(0).find(type(Class.forName(HEALTH_SERVICE_IMPL)));
        assertThat(found).extracting(FoundHandler::toString)
                .containsExactly("grpc " + HEALTH_SERVICE_IMPL + "#check path /grpc.health.v1.Health/Check");
        assertThat(detecting.detections().get(0).find(type(LookAlike.class))).isEmpty();
    }

    @Test
    void anExcludedOrUndetectedHealthCheckLeavesGrpcAlone() {
        String path = "/grpc.health.v1.Health/Check";
        for (HealthPathMatcher rules : List.of(new HealthPathMatcher(true, List.of(), List.of(path)),
                new HealthPathMatcher(false, List.of(), List.of()))) {
            GrpcWeaver weaver = weaver(rules);
            assertThat(weaver.gates()).as("%s", rules).isEmpty();
            assertThat(weaver.detections()).as("%s", rules).isEmpty();
        }
        assertThat(weaver(new HealthPathMatcher(false, List.of(path), List.of())).gates()).hasSize(2);
    }

    @Test
    void theScreenLetsHealthServicesThroughByTheirMethodDescriptor() {
        assertThat(new GrpcModule().screens().get(0).constantPrefixes())
                .containsExactly(GrpcModule.HEALTH_METHOD_DESCRIPTOR);
        MethodDescription check = type(AsyncHealth.class).getDeclaredMethods()
                .filter(net.bytebuddy.matcher.ElementMatchers.named("check")).getOnly();
        assertThat(check.getDescriptor()).isEqualTo(GrpcModule.HEALTH_METHOD_DESCRIPTOR);
    }

    private static GrpcWeaver weaver(HealthPathMatcher rules) {
        return new GrpcWeaver(new WeaverContext(rules));
    }

    private static TypeDescription type(Class<?> type) {
        return TypeDescription.ForLoadedType.of(type);
    }
}
