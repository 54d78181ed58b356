package io.warmgate.agent.grpc;

import io.warmgate.agent.spi.ClassScreen;
import io.warmgate.agent.spi.FrameworkModule;

import java.util.Arrays;
import java.util.List;

/**
 * grpc-java's standard health service, {@code grpc.health.v1.Health} (see {@link GrpcWeaver}). JDK types only:
 * this class is loaded at start-up.
 */
public final class GrpcModule implements FrameworkModule {

    /** Generated with the health service's API; a loader that cannot see it serves no health service. */
    static final String HEALTH_API = "io.grpc.health.v1.HealthGrpc";
    /** grpc-java's handler of every unary and server-streaming method built from generated code. */
    static final String UNARY_CALL_HANDLER = "io.grpc.stub.ServerCalls$UnaryServerCallHandler";
    /** {@code check} and {@code watch} of the health service both have this descriptor. */
    static final String HEALTH_METHOD_DESCRIPTOR =
            "(Lio/grpc/health/v1/HealthCheckRequest;Lio/grpc/stub/StreamObserver;)V";

    @Override
    public String name() {
        return "grpc";
    }

    @Override
    public List<ClassScreen> screens() {
        // Both behind the health API as marker: a gRPC service without the health service pays nothing at all.
        return Arrays.asList(
                ClassScreen.byConstant(HEALTH_API, HEALTH_METHOD_DESCRIPTOR),
                ClassScreen.byName(HEALTH_API, UNARY_CALL_HANDLER));
    }

    @Override
    public String weaverClassName() {
        return "io.warmgate.agent.grpc.GrpcWeaver";
    }
}
