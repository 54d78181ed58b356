package io.warmgate.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class CapturedCallsTest {

    private static HealthRequest check(String peer) {
        return new HealthRequest(CapturedCalls.GRPC_HEALTH_CHECK_PATH, peer, null, -1, null, null, null, null, null,
                null, null);
    }

    @Test
    void aCapturedCheckIsTakenOnceByItsOwnCallContextOnly() {
        Object call = new Object();
        Object other = new Object();
        HealthRequest request = check("127.0.0.7");
        CapturedCalls.capture(call, request);
        assertThat(CapturedCalls.take(other)).as("another call's context").isNull();
        assertThat(CapturedCalls.take(call)).isSameAs(request);
        assertThat(CapturedCalls.take(call)).as("decided once").isNull();
        assertThat(CapturedCalls.take(null)).isNull();
    }

    @Test
    void checksThatPileUpBeyondTheBoundAreNotCaptured() {
        Object[] calls = new Object[CapturedCalls.MAX_PENDING + 1];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = new Object();
            CapturedCalls.capture(calls[i], check("127.0.0.2"));
        }
        assertThat(CapturedCalls.take(calls[calls.length - 1])).as("beyond the bound").isNull();
        for (int i = 0; i < calls.length - 1; i++) {
            assertThat(CapturedCalls.take(calls[i])).isNotNull();
        }
        assertThat(CapturedCalls.pending()).isZero();
    }

    @Test
    void addressesAreLiteral() {
        assertThat(CapturedCalls.address(new InetSocketAddress("127.0.0.9", 4000))).isEqualTo("127.0.0.9");
        assertThat(CapturedCalls.address(null)).isNull();
        assertThat(CapturedCalls.address(new java.net.SocketAddress() {
            @Override
            public String toString() {
                return "in-process:test";
            }
        })).isEqualTo("in-process:test");
    }
}
