package io.warmgate.it.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.Answers;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.SampleKind;
import io.warmgate.testkit.SampleProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Servlet containers are gated without Byte Buddy: their servlets and filters are woven with the entry hooks
 * (ASM alone), so the JVM's class-load log of a Tomcat and a Jetty sample shows the shaded ASM reader and writer
 * but no class of Byte Buddy itself, the several hundred classes that made most of the agent's start-up cost.
 * And the gate still works: a health check from a denied node is answered 503 by the agent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServletContainersWithoutByteBuddyIT {

    private static final String SHADED_BYTE_BUDDY = "io.warmgate.shaded.bytebuddy.";
    private static final String SHADED_ASM = SHADED_BYTE_BUDDY + "jar.asm.";
    private static final List<SampleKind> CONTAINERS = List.of(SampleKind.TOMCAT, SampleKind.JETTY);

    private final String deniedPeer = Peers.deniedDuringLongRamp(1).get(0);
    private final Map<SampleKind, List<String>> classLoads = new EnumMap<>(SampleKind.class);
    private final Map<SampleKind, HttpResult> healthAnswers = new EnumMap<>(SampleKind.class);
    private final Map<SampleKind, HttpResult> businessAnswers = new EnumMap<>(SampleKind.class);

    @BeforeAll
    void startEachContainerOnceWithItsClassLoadLog() throws IOException {
        for (SampleKind kind : CONTAINERS) {
            Path loadLog = ItEnvironment.logDirectory().resolve(kind.label() + "-entry-hooks-class-load.txt");
            Files.deleteIfExists(loadLog);
            SampleProcess sample = RobustnessSamples.withAgentAndFlags(ItEnvironment.sampleJar(kind),
                    kind.label() + "-entry-hooks", "duration=1h", List.of("-Xlog:class+load=info:file=" + loadLog));
            try {
                healthAnswers.put(kind, Exchanges.get(deniedPeer, sample.port(), kind.path("/health")));
                businessAnswers.put(kind, Exchanges.get(deniedPeer, sample.port(), kind.path("/api/stats")));
            } finally {
                RobustnessSamples.stopAll(sample);
            }
            classLoads.put(kind, Files.readAllLines(loadLog));
        }
    }

    @Test
    void aHealthCheckFromADeniedNodeIsGatedAndBusinessPassesOnEachContainer() {
        for (SampleKind kind : CONTAINERS) {
            Answers.assertDeniedByWarmgate(healthAnswers.get(kind));
            assertThat(businessAnswers.get(kind).status()).as(kind.label()).isEqualTo(200);
            Answers.assertNotTouchedByWarmgate(businessAnswers.get(kind));
        }
    }

    @Test
    void theWeaverUsedAsmAndNoByteBuddyClassWasLoaded() {
        for (SampleKind kind : CONTAINERS) {
            List<String> loads = classLoads.get(kind);
            assertThat(loads).as("%s: the entry hooks' ASM reader", kind.label())
                    .anyMatch(line -> line.contains(" " + SHADED_ASM + "ClassReader "));
            assertThat(loads).as("%s: classes of Byte Buddy proper", kind.label())
                    .noneMatch(line -> line.contains(" " + SHADED_BYTE_BUDDY) && !line.contains(" " + SHADED_ASM));
        }
    }
}
