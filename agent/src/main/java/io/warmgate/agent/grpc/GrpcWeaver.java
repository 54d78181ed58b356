package io.warmgate.agent.grpc;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.warmgate.agent.spi.Detection;
import io.warmgate.agent.spi.FoundHandler;
import io.warmgate.agent.spi.FrameworkWeaver;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.agent.spi.Weaving;
import io.warmgate.bridge.CapturedCalls;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * gRPC health checks: the {@code Check} method of {@code grpc.health.v1.Health}, in two steps, as for Jersey on a
 * non-servlet container.
 *
 * <p>Capture. grpc-java starts every unary and server-streaming call that generated code serves through one class,
 * {@code ServerCalls.UnaryServerCallHandler}; its {@code startCall(ServerCall, Metadata)} is the last point that
 * sees the transport's remote address and the request metadata. The advice there compares the call's full method
 * name with the health check's (the only cost a business call pays) and, for a health check only, records the
 * peer, the local address and the {@code user-agent} in {@link CapturedCalls}, keyed by the call's context.
 *
 * <p>Decision. The {@code check} method of every health service: a class that extends the generated
 * {@code HealthGrpc.HealthImplBase} or implements {@code HealthGrpc.AsyncService}, which covers grpc-java's own
 * implementation behind {@code HealthStatusManager}. Its advice takes the captured check and asks the gate; a
 * denied peer gets {@code UNAVAILABLE} (see {@link HealthCheckAdvice}) without the service running, an allowed
 * peer the service's own answer.
 *
 * <p>{@code Watch} is not gated: a watch stream answers only when the status changes, while the gate's answer
 * changes with time. Gating it would mean holding every open stream and pushing updates from the agent, or
 * ending streams, which grpc-java's client-side health checking reopens at once (or after a back-off of up to two
 * minutes): neither is clean. Whether the check is gated at all follows the path rules for
 * {@value CapturedCalls#GRPC_HEALTH_CHECK_PATH} ({@code detect}, {@code paths}, {@code exclude-paths}), decided
 * here once; when it is not, nothing of gRPC is woven.
 */
public final class GrpcWeaver implements FrameworkWeaver {

    private static final String IMPL_BASE = "io.grpc.health.v1.HealthGrpc$HealthImplBase";
    private static final String ASYNC_SERVICE = "io.grpc.health.v1.HealthGrpc$AsyncService";

    private final boolean gated;

    public GrpcWeaver(WeaverContext context) {
        this.gated = context.paths().isGatedHealthService(CapturedCalls.GRPC_HEALTH_CHECK_PATH);
    }

    @Override
    public List<Weaving> gates() {
        if (!gated) {
            return Collections.emptyList();
        }
        return Arrays.asList(
                new Weaving("grpc health service", healthServices(), checkMethod(),
                        "io.warmgate.agent.grpc.HealthCheckAdvice"),
                new Weaving("grpc call start", named(GrpcModule.UNARY_CALL_HANDLER),
                        named("startCall").and(takesArguments(2))
                                .and(takesArgument(0, named("io.grpc.ServerCall")))
                                .and(takesArgument(1, named("io.grpc.Metadata")))
                                .and(not(isAbstract())),
                        "io.warmgate.agent.grpc.HealthCallCaptureAdvice"));
    }

    @Override
    public List<Detection> detections() {
        if (!gated) {
            return Collections.emptyList();
        }
        return Collections.<Detection>singletonList(new Detection() {
            @Override
            public List<FoundHandler> find(TypeDescription type) {
                if (!healthServices().matches(type)) {
                    return Collections.emptyList();
                }
                // The same handler name the gate logs at the first check, so the line appears once.
                return Collections.singletonList(new FoundHandler("grpc " + type.getName() + "#check",
                        CapturedCalls.GRPC_HEALTH_CHECK_PATH, null));
            }
        });
    }

    /**
     * Concrete health services. The generated classes themselves are left out: their {@code check} (in older
     * grpc-java versions) answers UNIMPLEMENTED, which must reach the client as it is.
     */
    private static ElementMatcher.Junction<TypeDescription> healthServices() {
        return not(isInterface())
                .and(not(nameStartsWith("io.grpc.health.v1.HealthGrpc")))
                .and(declaresMethod(checkMethod()))
                // declaresMethod looks at the class alone; only classes that pass it pay for the hierarchy walk.
                .and(hasSuperType(named(IMPL_BASE).or(named(ASYNC_SERVICE))));
    }

    private static ElementMatcher.Junction<MethodDescription> checkMethod() {
        return named("check").and(takesArguments(2))
                .and(takesArgument(0, named("io.grpc.health.v1.HealthCheckRequest")))
                .and(takesArgument(1, named("io.grpc.stub.StreamObserver")))
                .and(isPublic()).and(not(isStatic())).and(not(isAbstract()));
    }
}
