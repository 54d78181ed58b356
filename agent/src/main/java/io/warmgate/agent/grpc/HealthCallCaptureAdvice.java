package io.warmgate.agent.grpc;

import io.grpc.Attributes;
import io.grpc.Context;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.warmgate.bridge.CapturedCalls;
import io.warmgate.bridge.GateBridge;
import io.warmgate.bridge.HealthRequest;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of grpc-java's {@code ServerCalls.UnaryServerCallHandler.startCall(ServerCall, Metadata)}:
 * for a health check, records what the gate needs to know of it for {@link HealthCheckAdvice}, which decides when
 * the health service is about to answer. Decides nothing itself.
 *
 * <p>Per-call cost for every other call: reading the method descriptor's full name, a field, and one string
 * comparison. Nothing is allocated and nothing recorded.
 */
public final class HealthCallCaptureAdvice {

    private HealthCallCaptureAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void capture(@Advice.Argument(0) ServerCall<?, ?> call, @Advice.Argument(1) Metadata headers) {
        try {
            if (!CapturedCalls.GRPC_HEALTH_CHECK.equals(call.getMethodDescriptor().getFullMethodName())) {
                return;
            }
            Context callContext = Context.current();
            if (callContext == Context.ROOT) {
                return; // no context of its own: nothing would tell this call from another one
            }
            Attributes transport = call.getAttributes();
            String peerHeader = GateBridge.peerHeaderName();
            // Every value in a local first: a conditional between "new" and its constructor call leaves
            // uninitialised-object stack frames that cannot be moved when the advice is inlined.
            String peerHeaderValue = peerHeader == null ? null
                    : headers.get(Metadata.Key.of(peerHeader, Metadata.ASCII_STRING_MARSHALLER));
            String userAgent = headers.get(Metadata.Key.of("user-agent", Metadata.ASCII_STRING_MARSHALLER));
            String remote = CapturedCalls.address(transport.get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
            String local = CapturedCalls.address(transport.get(Grpc.TRANSPORT_ATTR_LOCAL_ADDR));
            // No local port: the synthetic warm-up speaks HTTP/1.1 and must never be pointed at a gRPC port.
            HealthRequest health = new HealthRequest(CapturedCalls.GRPC_HEALTH_CHECK_PATH, remote, local, -1,
                    peerHeaderValue, null, userAgent, null, null, null, null);
            CapturedCalls.capture(callContext, health);
        } catch (Throwable failure) {
            GateBridge.failed("grpc call capture", failure);
        }
    }
}
