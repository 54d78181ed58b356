package io.warmgate.agent.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Attributes;
import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.agent.testing.ScriptedGatekeeper;
import io.warmgate.agent.testing.Woven;
import io.warmgate.bridge.Denial;
import io.warmgate.bridge.HealthRequest;
import io.warmgate.core.HealthPathMatcher;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both gRPC advices, woven into stand-ins the way the engine weaves grpc-java's call handler and a health service,
 * run with the call's context current as grpc-java makes it: what is captured at the call's start, and what the
 * service's caller gets.
 */
class GrpcAdviceTest {

    private static final Denial DENIAL = new Denial("phase=ramping; percent=12.5; bucket=54",
            "warmgate: this instance is ramping up; not yet healthy for this load balancer node\n");

    /** Stands in for grpc-java's {@code ServerCalls.UnaryServerCallHandler}. */
    public static final class CallStart implements ServerCallHandler<Object, Object> {
        @Override
        public ServerCall.Listener<Object> startCall(ServerCall<Object, Object> call, Metadata headers) {
            return null;
        }
    }

    /** A health service that says SERVING. */
    public static final class Health extends HealthGrpc.HealthImplBase {
        @Override
        public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> answer) {
            answer.onNext(HealthCheckResponse.newBuilder().setStatus(HealthCheckResponse.ServingStatus.SERVING).build());
            answer.onCompleted();
        }
    }

    private final GrpcWeaver weaver = new GrpcWeaver(new WeaverContext(new HealthPathMatcher(true, List.of(), List.of())));
    private ScriptedGatekeeper gatekeeper;
    private ServerCallHandler<Object, Object> callStart;
    private HealthGrpc.AsyncService health;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void weave() throws Exception {
        gatekeeper = ScriptedGatekeeper.installed();
        callStart = (ServerCallHandler<Object, Object>) Woven.copy(CallStart.class, Woven.gate(weaver, "grpc call start"))
                .getDeclaredConstructor().newInstance();
        health = (HealthGrpc.AsyncService) Woven.copy(Health.class, Woven.gate(weaver, "grpc health service"))
                .getDeclaredConstructor().newInstance();
    }

    @Test
    void aDeniedPeerGetsUnavailableWithTheTrailerAndTheServiceDoesNotRun() {
        gatekeeper.peerHeader = "X-Forwarded-For";
        gatekeeper.denial = DENIAL;
        Metadata headers = new Metadata();
        headers.put(key("user-agent"), "kube-probe/1.30 grpc-go/1.60.1");
        headers.put(key("x-forwarded-for"), "192.0.2.1, 10.0.0.9");
        Answer answer = inCallContext(Context.ROOT.withCancellation(), () -> {
            callStart.startCall(call(HealthGrpc.getCheckMethod().getFullMethodName()), headers);
            return check();
        });

        assertThat(answer.messages).as("the service did not run").isEmpty();
        Status status = Status.fromThrowable(answer.error);
        assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(status.getDescription()).isEqualTo(DENIAL.body().trim());
        assertThat(Status.trailersFromThrowable(answer.error).get(key("x-warmgate"))).isEqualTo(DENIAL.headerValue());

        assertThat(gatekeeper.requests).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/grpc.health.v1.Health/Check");
            assertThat(request.remoteAddress()).isEqualTo("127.0.0.7");
            assertThat(request.localAddress()).isEqualTo("127.0.0.1");
            assertThat(request.localPort()).as("never offered to the HTTP warm-up").isEqualTo(-1);
            assertThat(request.userAgent()).startsWith("kube-probe/1.30");
            assertThat(request.peerHeader()).isEqualTo("192.0.2.1, 10.0.0.9");
            assertThat(request.handlerLabel()).isEqualTo("grpc " + Health.class.getName() + "#check");
        });
        assertThat(gatekeeper.failures).isEmpty();
    }

    @Test
    void anAllowedPeerGetsTheServicesOwnAnswer() {
        Answer answer = inCallContext(Context.ROOT.withCancellation(), () -> {
            callStart.startCall(call(HealthGrpc.getCheckMethod().getFullMethodName()), new Metadata());
            return check();
        });
        assertThat(answer.error).isNull();
        assertThat(answer.messages).containsExactly(HealthCheckResponse.ServingStatus.SERVING);
        assertThat(answer.completed).isTrue();
        assertThat(gatekeeper.checks).hasSize(1);
    }

    @Test
    void onlyHealthChecksAreCapturedAndOnlyForTheirOwnCall() {
        gatekeeper.denial = DENIAL;
        Answer business = inCallContext(Context.ROOT.withCancellation(), () -> {
            callStart.startCall(call("warmgate.sample.Catalog/Item"), new Metadata());
            return check();
        });
        Answer watch = inCallContext(Context.ROOT.withCancellation(), () -> {
            callStart.startCall(call(HealthGrpc.getWatchMethod().getFullMethodName()), new Metadata());
            return check();
        });
        Context.CancellableContext started = Context.ROOT.withCancellation();
        inCallContext(started, () -> {
            callStart.startCall(call(HealthGrpc.getCheckMethod().getFullMethodName()), new Metadata());
            return null;
        });
        Answer otherCall = inCallContext(Context.ROOT.withCancellation(), this::check);
        Answer noContext = inCallContext(Context.ROOT, () -> {
            callStart.startCall(call(HealthGrpc.getCheckMethod().getFullMethodName()), new Metadata());
            return check();
        });

        for (Answer answer : List.of(business, watch, otherCall, noContext)) {
            assertThat(answer.messages).containsExactly(HealthCheckResponse.ServingStatus.SERVING);
        }
        assertThat(gatekeeper.checks).as("nothing reached the gate").isEmpty();
        Answer theStartedCall = inCallContext(started, this::check);
        assertThat(theStartedCall.error).as("its own call is decided").isNotNull();
        assertThat(gatekeeper.failures).isEmpty();
    }

    private Answer check() {
        Answer answer = new Answer();
        health.check(HealthCheckRequest.getDefaultInstance(), answer);
        return answer;
    }

    private static <T> T inCallContext(Context context, java.util.concurrent.Callable<T> work) {
        try {
            return context.call(work);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Metadata.Key<String> key(String name) {
        return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
    }

    private static ServerCall<Object, Object> call(String fullMethodName) {
        MethodDescriptor<Object, Object> method = MethodDescriptor.newBuilder(Bytes.INSTANCE, Bytes.INSTANCE)
                .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(fullMethodName).build();
        Attributes transport = Attributes.newBuilder()
                .set(Grpc.TRANSPORT_ATTR_REMOTE_ADDR, new InetSocketAddress("127.0.0.7", 40123))
                .set(Grpc.TRANSPORT_ATTR_LOCAL_ADDR, new InetSocketAddress("127.0.0.1", 9090))
                .build();
        return new ServerCall<Object, Object>() {
            @Override
            public void request(int numMessages) {
            }

            @Override
            public void sendHeaders(Metadata headers) {
            }

            @Override
            public void sendMessage(Object message) {
            }

            @Override
            public void close(Status status, Metadata trailers) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public Attributes getAttributes() {
                return transport;
            }

            @Override
            public MethodDescriptor<Object, Object> getMethodDescriptor() {
                return method;
            }
        };
    }

    /** What the service's caller saw. */
    private static final class Answer implements StreamObserver<HealthCheckResponse> {
        final List<HealthCheckResponse.ServingStatus> messages = new ArrayList<>();
        Throwable error;
        boolean completed;

        @Override
        public void onNext(HealthCheckResponse value) {
            messages.add(value.getStatus());
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onCompleted() {
            completed = true;
        }
    }

    private enum Bytes implements MethodDescriptor.Marshaller<Object> {
        INSTANCE;

        @Override
        public InputStream stream(Object value) {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public Object parse(InputStream stream) {
            return new Object();
        }
    }
}
