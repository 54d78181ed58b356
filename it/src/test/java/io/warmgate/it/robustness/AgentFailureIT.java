package io.warmgate.it.robustness;

import static io.warmgate.it.robustness.RobustnessSamples.FAULTY_ADDRESS_HEALTH;
import static io.warmgate.it.robustness.RobustnessSamples.FAULTY_URI_HEALTH;
import static io.warmgate.it.robustness.RobustnessSamples.HIDDEN_PLUGIN_HEALTH;
import static io.warmgate.it.robustness.RobustnessSamples.ISOLATED_PLUGIN_HEALTH;
import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentComplaintCheck;
import io.warmgate.it.support.AgentComplaints;
import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.ExpectedAgentComplaints;
import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A failure inside the agent never breaks a request: the health handler then answers exactly as it does without
 * the agent (compared with the same sample without it), and the agent logs one warning for it, however often
 * it happens. Three kinds, all from denied peers of an hour-long ramp, so that any gating would show:
 * <ul>
 * <li>the request the agent's advice sees is a wrapper whose {@code getRequestURI()} or {@code getRemoteAddr()}
 * throws (an unexpected exception inside the advice);</li>
 * <li>a health servlet whose superclass the agent cannot resolve, because its class loader hides its class
 * files;</li>
 * <li>a health servlet in a class loader that, like an OSGi bundle, cannot see the agent's bridge class.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExpectedAgentComplaints({
    AgentFailureIT.ADVICE_FAILURE,
    AgentFailureIT.UNRESOLVABLE_HIERARCHY,
    AgentFailureIT.BRIDGE_NOT_VISIBLE,
})
class AgentFailureIT {

    static final String ADVICE_FAILURE = "[warmgate] WARN internal failure in servlet advice "
            + "(java.lang.UnsupportedOperationException: this request wrapper does not expose the request URI)";
    static final String UNRESOLVABLE_HIERARCHY = "[warmgate] WARN could not instrument "
            + "io.warmgate.samples.legacy.plugin.PluginHealthServlet (";
    static final String BRIDGE_NOT_VISIBLE = "[warmgate] WARN could not instrument classes of "
            + "io.warmgate.samples.legacy.PluginClassLoader: their class loader does not delegate io.warmgate.bridge";

    private static final int ROUNDS = 5;
    private static final List<String> ODD_PATHS =
            List.of(FAULTY_URI_HEALTH, FAULTY_ADDRESS_HEALTH, HIDDEN_PLUGIN_HEALTH, ISOLATED_PLUGIN_HEALTH);

    private final List<String> deniedPeers = Peers.deniedDuringLongRamp(5);
    private SampleProcess baseline;
    private SampleProcess withAgent;
    private HttpResult firstCheck;
    /** Per odd path: what the baseline answered, and every answer the agent's JVM gave. */
    private final Map<String, String> baselineAnswers = new LinkedHashMap<>();
    private final Map<String, List<HttpResult>> answers = new LinkedHashMap<>();
    private final List<HttpResult> healthAfterwards = new ArrayList<>();
    private List<String> agentLines;

    @BeforeAll
    void provokeEveryFailureFromDeniedPeers() {
        baseline = RobustnessSamples.withoutAgent(RobustnessSamples.legacyJar(), "legacy-libs-failure-baseline");
        // Every odd corner sits behind a filter (the wrapper's, the plugin dispatcher), which with the filter gate on
        // decides each health check before the corner is reached (FilterGateInFrontOfOddServletsIT): here the
        // filter gate is off, so that the servlet advice meets the corners itself.
        withAgent = RobustnessSamples.withAgent(RobustnessSamples.legacyJar(), "legacy-libs-failure",
                "duration=1h,servlet-filter.enabled=false");
        firstCheck = Exchanges.get(deniedPeers.get(0), withAgent.port(), "/health");
        for (String path : ODD_PATHS) {
            baselineAnswers.put(path, Exchanges.comparable(Exchanges.get(deniedPeers.get(0), baseline.port(), path)));
            List<HttpResult> results = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (String peer : deniedPeers) {
                    results.add(Exchanges.get(peer, withAgent.port(), path));
                }
            }
            answers.put(path, results);
        }
        for (String peer : deniedPeers) {
            healthAfterwards.add(Exchanges.get(peer, withAgent.port(), "/health"));
        }
        agentLines = flushedAgentLog(withAgent);
    }

    @AfterAll
    void stopSamples() {
        RobustnessSamples.stopAll(baseline, withAgent);
    }

    @Test
    void theGateWorksBeforeAndAfterTheFailures() {
        Answers.assertDeniedByWarmgate(firstCheck);
        assertThat(healthAfterwards).allSatisfy(answer -> assertThat(Answers.assertDeniedByWarmgate(answer).bucket())
                .isEqualTo(ExpectedRamp.bucket(answer.peer())));
    }

    @Test
    void aThrowingRequestWrapperGetsTheApplicationsOwnAnswer() {
        assertSameAsWithoutTheAgent(FAULTY_URI_HEALTH);
        assertSameAsWithoutTheAgent(FAULTY_ADDRESS_HEALTH);
        assertThat(lines(ADVICE_FAILURE.substring(0, ADVICE_FAILURE.indexOf('(')))).as("agent log\n%s", agentLines)
                .containsExactly(ADVICE_FAILURE + "; the request proceeded as if warmgate were not there. "
                        + "Please report this.");
    }

    @Test
    void aServletTheAgentCannotResolveGetsTheApplicationsOwnAnswer() {
        assertSameAsWithoutTheAgent(HIDDEN_PLUGIN_HEALTH);
        assertThat(lines(UNRESOLVABLE_HIERARCHY)).as("agent log\n%s", agentLines).singleElement().asString()
                .contains("cannot read the class file of io.warmgate.samples.legacy.plugin.PluginBaseServlet")
                .endsWith("; it runs unchanged");
    }

    @Test
    void aServletThatCannotSeeTheBridgeGetsTheApplicationsOwnAnswer() {
        assertSameAsWithoutTheAgent(ISOLATED_PLUGIN_HEALTH);
        assertThat(lines(BRIDGE_NOT_VISIBLE)).as("agent log\n%s", agentLines).singleElement().asString()
                .contains("org.osgi.framework.bootdelegation")
                .endsWith("health endpoints served by them run unchanged, without the gate");
    }

    @Test
    void theSuiteWideCheckWouldFailATestThatDidNotExpectThese() {
        // Proves AgentComplaintCheck is not vacuous: these three lines are complaints, and only the declaration on
        // this class lets them through.
        assertThat(AgentComplaints.in(withAgent.stderrLines())).hasSize(3)
                .allMatch(line -> AgentComplaintCheck.expectedComplaints(AgentFailureIT.class).stream()
                        .anyMatch(line::contains));
        assertThat(agentLines).filteredOn(line -> line.startsWith("[warmgate] WARN")).hasSize(3);
    }

    private void assertSameAsWithoutTheAgent(String path) {
        assertThat(answers.get(path)).hasSize(ROUNDS * deniedPeers.size()).allSatisfy(answer -> {
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            assertThat(Exchanges.comparable(answer)).as("%s", answer).isEqualTo(baselineAnswers.get(path));
            Answers.assertNotTouchedByWarmgate(answer);
        });
    }

    private List<String> lines(String prefix) {
        return agentLines.stream().filter(line -> line.startsWith(prefix)).toList();
    }

    /**
     * The agent's lines so far, complete: a first health check from a new peer makes the agent print one more
     * line, and once that line has arrived every line printed before it has arrived too (one ordered stream).
     * Only while the ramp runs (an open gate logs no peers), and once per sample (the marker peer must be new).
     */
    static List<String> flushedAgentLog(SampleProcess sample) {
        String marker = "127.0.9.9";
        Exchanges.get(marker, sample.port(), "/health");
        assertThat(sample.awaitStderr(line -> line.startsWith("[warmgate] peer " + marker + " "), Duration.ofSeconds(10)))
                .as("the agent's line for the marker peer").isPresent();
        return new AgentLog(sample.stderrLines()).lines();
    }
}
