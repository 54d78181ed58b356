package io.warmgate.it.warmup;

import static io.warmgate.it.warmup.WarmupSamples.HEALTH;
import static io.warmgate.it.warmup.WarmupSamples.KIND;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.VirtualMachine;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.PeerClient;
import io.warmgate.testkit.SampleProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flood of unique URLs next to steady traffic: the recording's memory stays at its bound (read from the MBean,
 * which shows the recording's state), and the file written at shutdown holds the steady endpoints, not the flood.
 */
class RecordFloodIT {

    private static final int LINES = 20;
    /** The table holds twice warmup.record.lines, rounded up to a power of two, at least 16. */
    private static final int TABLE = 64;
    private static final int UNIQUE = 8000;

    @TempDir
    Path folder;

    @Test
    void memoryIsBoundedAndTheSteadyEndpointsAreKept() throws Exception {
        Path file = folder.resolve("flood.txt");
        SampleProcess sample = ItEnvironment.startWithAgent(KIND, "tomcat-record-flood",
                "warmup.record=" + file + ",warmup.record.lines=" + LINES);
        try {
            PeerClient.toLoopback("127.0.0.2", sample.port()).get(HEALTH); // registers the MBean
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int offset = thread;
                done.add(pool.submit(() -> {
                    PeerClient client = PeerClient.toLoopback("127.0.0.1", sample.port());
                    for (int n = offset; n < UNIQUE; n += 4) {
                        client.get(KIND.path("/api/items?id=" + (1 + n % 4)));
                        client.get(KIND.path("/api/items?id=5&unique=" + n));
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
            pool.shutdown();

            VirtualMachine vm = VirtualMachine.attach(String.valueOf(sample.pid()));
            JMXConnector connector;
            try {
                connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
            } finally {
                vm.detach();
            }
            try (connector) {
                MBeanServerConnection jmx = connector.getMBeanServerConnection();
                ObjectName gate = new ObjectName("io.warmgate:type=Gate");
                assertThat(jmx.getAttribute(gate, "RecordState")).isEqualTo("recording");
                assertThat(jmx.getAttribute(gate, "RecordFile")).isEqualTo(file.toString());
                assertThat((Long) jmx.getAttribute(gate, "RecordRequestsSeen")).isEqualTo(2L * UNIQUE);
                assertThat((Integer) jmx.getAttribute(gate, "RecordLinesInMemory")).isBetween(4, TABLE);
                assertThat(jmx.getAttribute(gate, "RecordLastWrite")).isEqualTo("");
            }
            sample.terminate();
            assertThat(sample.awaitExit(Duration.ofSeconds(30))).isPresent();
        } finally {
            sample.close();
        }
        List<String> lines = Files.readString(file).lines().filter(line -> !line.startsWith("#")).toList();
        assertThat(lines).hasSizeLessThanOrEqualTo(LINES);
        assertThat(lines.subList(0, 4)).as("the steady endpoints lead").containsExactlyInAnyOrder(
                "GET /shop/api/items?id=1", "GET /shop/api/items?id=2", "GET /shop/api/items?id=3",
                "GET /shop/api/items?id=4");
    }
}
