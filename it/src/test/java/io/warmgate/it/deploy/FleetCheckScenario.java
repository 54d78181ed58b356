package io.warmgate.it.deploy;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.it.support.SiblingStub;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One instance with {@code fleet.peers} set, and siblings that a subclass chooses. A node whose bucket a young
 * 60 s ramp denies checks the instance every 100 ms for {@link #WATCH}; the subclass then checks whether the ramp
 * was skipped (the node is let in within about the fleet check's time) or runs (it stays denied).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FleetCheckScenario {

    static final SampleKind KIND = SampleKind.TOMCAT;
    static final String HEALTH = KIND.path("/health");
    /** How long the node keeps checking: past twice the fleet timeout plus start-up slack. */
    static final Duration WATCH = Duration.ofSeconds(7);

    final String node = DeployPeers.withBucketAtLeast(60, 1).get(0);
    final List<SiblingStub> siblings = new ArrayList<>();
    SampleProcess sample;
    final List<HttpResult> checks = new ArrayList<>();
    AgentLog agentLog;

    /** The siblings, started here; closed after the class. */
    abstract List<SiblingStub> startSiblings();

    /** Closed ports to list in {@code fleet.peers} besides the stubs: by default one sibling that is down. */
    List<String> downSiblings() {
        return List.of(SiblingStub.closedAddress());
    }

    /** {@code fleet.timeout}: by default short, as a down or answering sibling needs no longer. */
    Duration fleetTimeout() {
        return Duration.ofMillis(500);
    }

    @BeforeAll
    void runScenario() throws InterruptedException {
        siblings.addAll(startSiblings());
        List<String> peers = new ArrayList<>(downSiblings());
        siblings.forEach(sibling -> peers.add(sibling.address()));
        sample = ItEnvironment.startWithAgent(KIND, "tomcat-fleet-" + getClass().getSimpleName(),
                "duration=60s,fleet.timeout=" + fleetTimeout().toMillis() + "ms,fleet.peers=" + String.join(";", peers));
        long end = System.nanoTime() + WATCH.toNanos();
        while (System.nanoTime() < end) {
            checks.add(KubeletProbes.get(node, sample.port(), HEALTH));
            TimeUnit.MILLISECONDS.sleep(100);
        }
        sample.awaitStderr(line -> line.contains("fleet check:"), Duration.ofSeconds(5));
        agentLog = new AgentLog(sample.stderrLines());
    }

    @AfterAll
    void stopAll() {
        if (sample != null) {
            sample.close();
        }
        siblings.forEach(SiblingStub::close);
    }

    long millisBetween(HttpResult earlier, HttpResult later) {
        return TimeUnit.NANOSECONDS.toMillis(later.receivedNanos() - earlier.sentNanos());
    }
}
