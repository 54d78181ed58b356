package io.warmgate.it.robustness;

import static io.warmgate.it.robustness.RobustnessSamples.NEWER_PLUGIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.Answers;
import io.warmgate.it.support.ExpectedAgentComplaints;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.SampleProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Code the agent's Byte Buddy does not understand: the sample tries, three times, to load a plugin whose three
 * class files carry a class-file version from the future (as a plugin built for a newer Java would). The JVM
 * refuses them whether or not the agent is there; the agent sees them first (class file transformers run before
 * the JVM checks the version), must leave everything as it is, and says so in one line, not one per class.
 *
 * <p>The other unsupported setup, a JVM newer than the shaded Byte Buddy, cannot be run here (no such JVM
 * exists yet); its start-up check is unit-tested in the agent ({@code JavaVersionSupportTest}). This class
 * checks the other side of it on the real JVMs: the agent accepts Java 17 and 25 and really understands them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExpectedAgentComplaints(UnsupportedSetupIT.NEWER_CLASS_FILES)
class UnsupportedSetupIT {

    static final String NEWER_CLASS_FILES =
            "[warmgate] WARN could not instrument classes built for a newer Java than this warmgate understands";
    /** What the sample answers without any agent (see the sample's own OddCornersTest). */
    private static final String REFUSED_BY_THE_JVM =
            "PluginBaseServlet: refused by the JVM (UnsupportedClassVersionError)\n"
                    + "PluginHealthServlet: refused by the JVM (UnsupportedClassVersionError)\n"
                    + "PluginInfo: refused by the JVM (UnsupportedClassVersionError)\n";
    private static final Pattern UNDERSTOOD_UP_TO = Pattern.compile("it reads class files up to Java (\\d+);");
    private static final Pattern RUNNING_ON = Pattern.compile("active on Java (\\d+)[.+\\-:]");

    private final List<String> deniedPeers = Peers.deniedDuringLongRamp(3);
    private SampleProcess sample;
    private final List<HttpResult> pluginAnswers = new ArrayList<>();
    private final List<HttpResult> healthAnswers = new ArrayList<>();
    private List<String> agentLines;

    @BeforeAll
    void loadThePluginBuiltForANewerJava() {
        sample = RobustnessSamples.withAgent(RobustnessSamples.legacyJar(), "legacy-libs-newer-java", "duration=1h");
        healthAnswers.add(Exchanges.get(deniedPeers.get(0), sample.port(), "/health"));
        for (String peer : deniedPeers) {
            pluginAnswers.add(Exchanges.get(peer, sample.port(), NEWER_PLUGIN));
        }
        for (String peer : deniedPeers) {
            healthAnswers.add(Exchanges.get(peer, sample.port(), "/health"));
        }
        agentLines = AgentFailureIT.flushedAgentLog(sample);
    }

    @AfterAll
    void stopSample() {
        RobustnessSamples.stopAll(sample);
    }

    @Test
    void theApplicationAnswersAsWithoutTheAgent() {
        assertThat(pluginAnswers).hasSize(deniedPeers.size()).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(REFUSED_BY_THE_JVM);
            Answers.assertNotTouchedByWarmgate(answer);
        });
    }

    @Test
    void oneLineForNineClassFilesItCouldNotRead() {
        assertThat(agentLines).filteredOn(line -> line.startsWith("[warmgate] WARN")).as("agent log\n%s", agentLines)
                .singleElement().asString()
                .startsWith(NEWER_CLASS_FILES)
                // Which plugin class it names depends on which of them could match at all: the agent's
                // class-file screen passes over the ones that carry no framework hint without reading them.
                .containsPattern("the first was io\\.warmgate\\.samples\\.legacy\\.plugin\\.Plugin\\w+")
                .endsWith("they run unchanged");
    }

    @Test
    void theGateIsUnaffected() {
        assertThat(healthAnswers).allSatisfy(Answers::assertDeniedByWarmgate);
    }

    @Test
    void theAgentUnderstandsTheJvmItRunsOn() {
        String started = agentLines.stream().filter(line -> line.contains("active on Java")).findFirst().orElseThrow();
        Matcher running = RUNNING_ON.matcher(started);
        assertThat(running.find()).as(started).isTrue();
        String warning = agentLines.stream().filter(line -> line.startsWith(NEWER_CLASS_FILES)).findFirst().orElseThrow();
        Matcher understood = UNDERSTOOD_UP_TO.matcher(warning);
        assertThat(understood.find()).as(warning).isTrue();

        assertThat(Integer.parseInt(understood.group(1))).as("newest Java the agent reads vs the JVM it runs on")
                .isGreaterThanOrEqualTo(Integer.parseInt(running.group(1)));
        assertThat(agentLines).noneMatch(line -> line.contains("is newer than this warmgate build supports"));
    }
}
