package io.warmgate.agent.grpc;

import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.warmgate.bridge.CapturedCalls;
import io.warmgate.bridge.CapturedRequest;
import io.warmgate.bridge.Denial;
import io.warmgate.bridge.GateBridge;
import io.warmgate.bridge.HealthRequest;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of a gRPC health service's {@code check(HealthCheckRequest, StreamObserver)}. When
 * {@link HealthCallCaptureAdvice} captured the call and the gate denies its peer, the service does not run and the
 * call ends with status {@code UNAVAILABLE}: the description is the denial's one line, and the trailer
 * {@code x-warmgate} carries what the HTTP header {@code X-Warmgate} carries ({@code phase=ramping; percent=23.5;
 * bucket=54}). An allowed peer, or a call that was not captured, gets the service's own answer untouched.
 *
 * <p>Why {@code UNAVAILABLE} and not a {@code NOT_SERVING} message: it is gRPC's counterpart of HTTP 503, it says
 * "transient, try again later", and every health checker counts it as unhealthy, including those that only look at
 * the status code (AWS ALB's gRPC health checks compare the status code and never read the message, so a
 * {@code NOT_SERVING} answer with status {@code OK} would count as healthy there). Checkers that read the message
 * (Envoy, Kubernetes, {@code grpc_health_probe}) count any status but {@code OK} as unhealthy too.
 *
 * <p>The answer is built before the service is skipped: if building it fails, the service runs as without the
 * agent.
 */
public final class HealthCheckAdvice {

    private HealthCheckAdvice() {
    }

    /** @return true to skip the service because the denial was sent */
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    public static boolean denyBeforeService(@Advice.Origin("grpc #t\\##m") String service,
                                            @Advice.Argument(1) StreamObserver<?> responseObserver) {
        StatusRuntimeException denied;
        try {
            HealthRequest request = CapturedCalls.take(Context.current());
            if (request == null) {
                return false;
            }
            Denial denial = CapturedRequest.decide(request, service);
            if (denial == null) {
                return false;
            }
            Metadata trailers = new Metadata();
            trailers.put(Metadata.Key.of(GateBridge.RESPONSE_HEADER, Metadata.ASCII_STRING_MARSHALLER),
                    denial.headerValue());
            denied = Status.UNAVAILABLE.withDescription(denial.body().trim()).asRuntimeException(trailers);
        } catch (Throwable failure) {
            GateBridge.failed("grpc health advice", failure);
            return false;
        }
        try {
            responseObserver.onError(denied);
        } catch (Throwable failure) {
            // The call may be half answered: running the service now could answer it twice.
            GateBridge.failed("grpc health advice (answer)", failure);
        }
        return true;
    }
}
