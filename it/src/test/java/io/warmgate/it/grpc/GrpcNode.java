package io.warmgate.it.grpc;

import io.grpc.CallOptions;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One load-balancer node that speaks gRPC: a channel to the sample on loopback whose socket is bound to the node's
 * own address (127.0.0.N), so the server sees each node as a distinct peer. One HTTP/2 connection per node, kept
 * open between checks, as real gRPC health checkers do.
 */
final class GrpcNode implements AutoCloseable {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final Metadata.Key<String> WARMGATE_TRAILER =
            Metadata.Key.of("x-warmgate", Metadata.ASCII_STRING_MARSHALLER);

    /** The sample's business method, built the way the sample builds it: no generated code. */
    private static final MethodDescriptor<String, String> ITEM = MethodDescriptor.<String, String>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("warmgate.sample.Catalog/Item")
            .setRequestMarshaller(Utf8.INSTANCE)
            .setResponseMarshaller(Utf8.INSTANCE)
            .build();

    private final String peer;
    private final ManagedChannel channel;

    private GrpcNode(String peer, ManagedChannel channel) {
        this.peer = peer;
        this.channel = channel;
    }

    /** A node at {@code peer} talking to {@code 127.0.0.1:port}; {@code userAgent} may be null for grpc-java's. */
    static GrpcNode at(String peer, int port, String userAgent) {
        InetAddress local = literal(peer);
        NettyChannelBuilder builder = NettyChannelBuilder
                .forAddress(new InetSocketAddress(literal("127.0.0.1"), port))
                .usePlaintext()
                .localSocketPicker(new NettyChannelBuilder.LocalSocketPicker() {
                    @Override
                    public SocketAddress createSocketAddress(SocketAddress remote, io.grpc.Attributes attributes) {
                        return new InetSocketAddress(local, 0);
                    }
                });
        if (userAgent != null) {
            builder.userAgent(userAgent);
        }
        return new GrpcNode(peer, builder.build());
    }

    String peer() {
        return peer;
    }

    /** Opens the connection now, so that the first check does not pay for it. */
    void connect() {
        long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
        while (channel.getState(true) != io.grpc.ConnectivityState.READY) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node " + peer + " could not connect: " + channel.getState(false));
            }
            sleepMillis(5);
        }
    }

    /** {@code Check} for {@code service} ("" for the whole server). */
    GrpcAnswer check(String service) {
        try {
            return GrpcAnswer.ok(HealthGrpc.newBlockingStub(channel).withDeadlineAfter(timeoutMillis(), TimeUnit.MILLISECONDS)
                    .check(request(service)).getStatus().name());
        } catch (StatusRuntimeException failed) {
            return failure(failed);
        }
    }

    /** The first message of a {@code Watch} of {@code service}; the stream is cancelled after it. */
    GrpcAnswer watchFirst(String service) {
        Context.CancellableContext call = Context.current().withCancellation();
        try {
            return call.call(() -> GrpcAnswer.ok(HealthGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(timeoutMillis(), TimeUnit.MILLISECONDS)
                    .watch(request(service)).next().getStatus().name()));
        } catch (StatusRuntimeException failed) {
            return failure(failed);
        } catch (Exception unexpected) {
            throw new IllegalStateException(unexpected);
        } finally {
            call.cancel(null);
        }
    }

    /** The sample's business method for item {@code id}. */
    GrpcAnswer item(String id) {
        try {
            return GrpcAnswer.ok(ClientCalls.blockingUnaryCall(channel, ITEM,
                    CallOptions.DEFAULT.withDeadlineAfter(timeoutMillis(), TimeUnit.MILLISECONDS), id));
        } catch (StatusRuntimeException failed) {
            return failure(failed);
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }

    private static GrpcAnswer failure(StatusRuntimeException failed) {
        Metadata trailers = Status.trailersFromThrowable(failed);
        return new GrpcAnswer(failed.getStatus().getCode(), failed.getStatus().getDescription(), null,
                trailers == null ? null : trailers.get(WARMGATE_TRAILER));
    }

    private static HealthCheckRequest request(String service) {
        return HealthCheckRequest.newBuilder().setService(service).build();
    }

    private static long timeoutMillis() {
        return CALL_TIMEOUT.toMillis();
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // a literal: no name lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** UTF-8 text messages, as the sample's business method has them. */
    private enum Utf8 implements MethodDescriptor.Marshaller<String> {
        INSTANCE;

        @Override
        public InputStream stream(String value) {
            return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String parse(InputStream stream) {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
