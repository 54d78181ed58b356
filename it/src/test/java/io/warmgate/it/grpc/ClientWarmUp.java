package io.warmgate.it.grpc;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Warms this JVM's side of a gRPC health check, the stub, the message parsing and the error path with its trailer,
 * against a throw-away health server of its own: the sample cannot be asked before the ramp, since its first
 * health check starts it. Without this, the first checks of the ramp pay for this JVM's class loading and
 * interpretation, which makes nodes look late on a busy machine. The HTTP suites warm their client the same way,
 * on paths that are never gated.
 */
final class ClientWarmUp {

    private static final int ROUNDS = 50;

    /** Answers SERVING, or, for the service "denied", an error with a trailer as the agent's denial has. */
    private static final class LocalHealth extends HealthGrpc.HealthImplBase {
        @Override
        public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> answer) {
            if (request.getService().equals("denied")) {
                Metadata trailers = new Metadata();
                trailers.put(Metadata.Key.of("x-warmgate", Metadata.ASCII_STRING_MARSHALLER), "phase=warm-up");
                answer.onError(Status.UNAVAILABLE.withDescription("warm-up").asRuntimeException(trailers));
                return;
            }
            answer.onNext(HealthCheckResponse.newBuilder().setStatus(HealthCheckResponse.ServingStatus.SERVING).build());
            answer.onCompleted();
        }

        @Override
        public void watch(HealthCheckRequest request, StreamObserver<HealthCheckResponse> answer) {
            answer.onNext(HealthCheckResponse.newBuilder().setStatus(HealthCheckResponse.ServingStatus.SERVING).build());
        }
    }

    private ClientWarmUp() {
    }

    static void run() {
        Server local;
        try {
            local = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(new LocalHealth())
                    .build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (GrpcNode node = GrpcNode.at("127.0.0.1", local.getPort(), null)) {
            node.connect();
            for (int i = 0; i < ROUNDS; i++) {
                requireThat(node.check(""), GrpcAnswer.ok("SERVING"));
                requireThat(node.check("denied").trailer().isPresent(), true);
                requireThat(node.watchFirst(""), GrpcAnswer.ok("SERVING"));
            }
        } finally {
            local.shutdownNow();
        }
    }

    private static void requireThat(Object actual, Object expected) {
        if (!actual.equals(expected)) {
            throw new IllegalStateException("client warm-up: expected " + expected + ", got " + actual);
        }
    }
}
