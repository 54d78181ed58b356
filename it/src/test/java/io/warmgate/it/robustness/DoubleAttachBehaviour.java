package io.warmgate.it.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.Answers;
import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.SampleProcess;
import io.warmgate.testkit.WarmgateHeader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The agent given twice ({@code -javaagent} twice on one command line, as happens when both a start script and
 * {@code JAVA_TOOL_OPTIONS} add it) is a no-op the second time, with one log line; the first stays in charge.
 * The second carries {@code log=debug}: had it taken over, debug lines would appear. Subclasses choose whether the
 * second flag names the same jar or a copy of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DoubleAttachBehaviour {

    static final String IGNORED = "[warmgate] warmgate is already active in this JVM; the second -javaagent is ignored";

    private final String deniedPeer = Peers.deniedDuringLongRamp(1).get(0);
    private final String allowedPeer = Peers.allowedFromTheStart(1).get(0);
    private SampleProcess sample;
    private HttpResult denied;
    private HttpResult allowed;
    private List<String> agentLines;

    /** Names the sample's log file. */
    abstract String name();

    /** The jar the second {@code -javaagent} names. */
    abstract Path secondAgentJar();

    @BeforeAll
    void startWithTheAgentTwice() {
        sample = RobustnessSamples.withAgentAndFlags(RobustnessSamples.jettyJar(), name(), "duration=1h",
                List.of("-javaagent:" + secondAgentJar() + "=log=debug"));
        denied = Exchanges.get(deniedPeer, sample.port(), "/health");
        allowed = Exchanges.get(allowedPeer, sample.port(), "/health");
        agentLines = AgentFailureIT.flushedAgentLog(sample);
    }

    @AfterAll
    void stopSample() {
        RobustnessSamples.stopAll(sample);
    }

    @Test
    void theSecondAttachSaysOnceThatItIsIgnored() {
        assertThat(agentLines).as("agent log\n%s", agentLines).filteredOn(line -> line.contains("already active"))
                .containsExactly(IGNORED);
        assertThat(agentLines).as("agent log").noneMatch(line -> line.startsWith("[warmgate] DEBUG"));
    }

    @Test
    void theFirstAttachStartedOnceWithItsOwnConfiguration() {
        assertThat(agentLines).as("agent log\n%s", agentLines).filteredOn(line -> line.contains(" active on Java "))
                .singleElement().asString().contains("log=info");
        assertThat(agentLines).filteredOn(line -> line.startsWith("[warmgate] ramp started")).hasSize(1);
        assertThat(agentLines).filteredOn(line -> line.startsWith("[warmgate] health handler found")).hasSize(1);
    }

    @Test
    void healthChecksAreDecidedOnceAndCorrectly() {
        WarmgateHeader header = Answers.assertDeniedByWarmgate(denied);
        assertThat(header.bucket()).isEqualTo(ExpectedRamp.bucket(deniedPeer));
        assertThat(denied.headers().all(WarmgateHeader.NAME)).as("one decision, one header").hasSize(1);
        assertThat(denied.body()).as("one denial body").startsWith("warmgate:").doesNotContain("\nwarmgate:");
        Answers.assertAppHealthy(allowed);
    }
}
