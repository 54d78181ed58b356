package io.warmgate.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void picksDistinctBindablePortsBelowTheEphemeralRange() throws Exception {
        List<Integer> ports = FreePorts.pick(12);

        assertThat(ports).doesNotHaveDuplicates().hasSize(12)
                .allSatisfy(port -> assertThat(port).isBetween(FreePorts.LOWEST, FreePorts.HIGHEST));
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(ports.get(0)));
            assertThat(socket.getLocalPort()).isEqualTo(ports.get(0));
        }
    }
}
