package io.warmgate.it.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.jaxrs.JaxRsSample;
import io.warmgate.it.spring.SpringSamples;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.ItEnvironment;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.SampleProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * JAX-RS on its own containers and Spring Boot are gated without Byte Buddy too: Jersey's Grizzly and JDK-server
 * containers get entry hooks, its health resources a guard chosen from their class outlines, and Spring's
 * controllers and Actuator are only read (the servlet hook on the DispatcherServlet gates them). With the health
 * check answered 503 by the agent, the JVM's list of loaded classes ({@code jcmd VM.class_hierarchy}) has the
 * shaded ASM reader and no class of Byte Buddy itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrameworksWithoutByteBuddyIT {

    private static final String SHADED_BYTE_BUDDY = "io.warmgate.shaded.bytebuddy.";
    private static final String SHADED_ASM = SHADED_BYTE_BUDDY + "jar.asm.";

    private final String deniedPeer = Peers.deniedDuringLongRamp(1).get(0);
    private final Map<String, HttpResult> healthAnswers = new LinkedHashMap<>();
    private final Map<String, HttpResult> businessAnswers = new LinkedHashMap<>();
    private final Map<String, List<String>> loadedClasses = new LinkedHashMap<>();
    private final Map<String, List<String>> logs = new LinkedHashMap<>();

    @BeforeAll
    void startEachSampleOnce() throws Exception {
        for (JaxRsSample jersey : List.of(JaxRsSample.JERSEY3_GRIZZLY, JaxRsSample.JERSEY3_JDK_HTTP)) {
            SampleProcess sample = jersey.startWithAgent(jersey.label() + "-no-byte-buddy", "duration=1h");
            observe(jersey.label(), sample, jersey.path("/health"), jersey.path("/api/stats"));
        }
        SampleProcess boot = SpringSamples.BOOT3.start("spring-boot3-no-byte-buddy", "duration=1h", Map.of());
        observe("spring-boot3", boot, "/actuator/health", "/api/stats");
    }

    private void observe(String label, SampleProcess sample, String healthPath, String businessPath)
            throws Exception {
        try {
            healthAnswers.put(label, Exchanges.get(deniedPeer, sample.port(), healthPath));
            businessAnswers.put(label, Exchanges.get(deniedPeer, sample.port(), businessPath));
            loadedClasses.put(label, classHierarchy(sample.pid()));
        } finally {
            RobustnessSamples.stopAll(sample);
        }
        logs.put(label, Files.readAllLines(sample.logFile()));
    }

    @Test
    void aHealthCheckFromADeniedNodeIsGatedAndBusinessPasses() {
        healthAnswers.forEach((label, answer) -> Answers.assertDeniedByWarmgate(answer));
        businessAnswers.forEach((label, answer) -> {
            assertThat(answer.status()).as(label).isEqualTo(200);
            Answers.assertNotTouchedByWarmgate(answer);
        });
    }

    @Test
    void theHandlersAreStillReportedAsTheirClassesLoad() {
        assertThat(logs.get("jersey3-grizzly")).as("jersey3-grizzly")
                .anyMatch(line -> line.contains("health handler found: jax-rs (jakarta) ") && line.contains("#"));
        assertThat(logs.get("spring-boot3")).as("spring-boot3")
                .anyMatch(line -> line.contains("health handler found: spring-actuator health endpoint"));
    }

    @Test
    void theWeaverUsedAsmAndNoByteBuddyClassWasLoaded() {
        loadedClasses.forEach((label, classes) -> {
            assertThat(classes).as("%s: the weaver's ASM reader", label)
                    .anyMatch(line -> line.contains(SHADED_ASM + "ClassReader"));
            assertThat(classes).as("%s: classes of Byte Buddy proper", label)
                    .noneMatch(line -> line.contains(SHADED_BYTE_BUDDY) && !line.contains(SHADED_ASM));
        });
    }

    /** Every class the JVM has loaded, one per line, from the JDK that runs the sample. */
    private static List<String> classHierarchy(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(ItEnvironment.javaHome().resolve("bin/jcmd").toString(),
                Long.toString(pid), "VM.class_hierarchy").redirectErrorStream(true).start();
        byte[] output = jcmd.getInputStream().readAllBytes();
        assertThat(jcmd.waitFor(60, TimeUnit.SECONDS)).as("jcmd finished").isTrue();
        List<String> lines = new String(output, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).as("jcmd VM.class_hierarchy of %d", pid).anyMatch(line -> line.contains("java.lang.String"));
        return lines;
    }
}
