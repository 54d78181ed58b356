package io.warmgate.it.warmup;

import static io.warmgate.it.warmup.WarmupSamples.HEALTH;
import static io.warmgate.it.warmup.WarmupSamples.KIND;
import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.ExpectedAgentComplaints;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.it.support.Observation;
import io.warmgate.it.support.RampProbe;
import io.warmgate.it.support.Recording;
import io.warmgate.testkit.LoopbackPeers;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A warm-up that would send a method other than GET or HEAD without {@code warmup.unsafe-methods=true} is a
 * configuration error: one ERROR line names the request, the agent turns itself off, and nothing is sent.
 * Refusing the whole configuration (rather than skipping the request) keeps a warm-up nobody fully meant from
 * running, and says so at start-up instead of during the deploy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExpectedAgentComplaints("[warmgate] ERROR config: warmup.")
abstract class UnsafeMethodRefusalBehaviour {

    private final List<String> peers = LoopbackPeers.first(4);
    private SampleProcess sample;
    private Recording answers;
    private AgentLog agentLog;

    abstract String name();

    abstract String agentArgs() throws Exception;

    /** The start of the ERROR line, after {@code [warmgate] ERROR }. */
    abstract String expectedError();

    void cleanUp() throws Exception {
    }

    @BeforeAll
    void startWithAnUnsafeWarmup() throws Exception {
        sample = ItEnvironment.startWithAgent(KIND, name(), agentArgs());
        answers = RampProbe.onePass(sample.port(), peers, List.of(HEALTH));
        sample.awaitStderr(line -> line.startsWith("[warmgate] ERROR"), Duration.ofSeconds(5));
        agentLog = new AgentLog(sample.stderrLines());
    }

    @AfterAll
    void stopSample() throws Exception {
        if (sample != null) {
            sample.close();
        }
        cleanUp();
    }

    @Test
    void oneErrorNamesTheRequestAndTheSwitch() {
        assertThat(agentLog.errors()).as("%s", agentLog).singleElement().satisfies(line -> {
            assertThat(line).startsWith("[warmgate] ERROR " + expectedError());
            assertThat(line).contains("only GET and HEAD are sent unless warmup.unsafe-methods=true")
                    .endsWith("is disabled, the application runs without it");
        });
    }

    @Test
    void nothingIsSentAndNothingIsGated() {
        assertThat(agentLog.containing("warm-up")).isEmpty();
        assertThat(WarmupSamples.warmupRequestsCounted(sample)).isZero();
        assertThat(answers.failures()).isEmpty();
        assertThat(answers.all()).extracting(Observation::result)
                .allSatisfy(Answers::assertAppHealthy);
    }
}
