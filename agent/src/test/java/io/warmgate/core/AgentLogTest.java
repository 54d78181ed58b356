package io.warmgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AgentLogTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String[] lines() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? new String[0] : text.split("\\R");
    }

    @Test
    void infoLevelPrintsInfoWarnAndErrorButNotDebug() {
        AgentLog log = new AgentLog(AgentLog.Level.INFO, out);
        log.info("hello");
        log.debug("details");
        log.warn("careful");
        log.error("broken");
        assertThat(log.isDebug()).isFalse();
        assertThat(lines()).containsExactly("[warmgate] hello", "[warmgate] WARN careful", "[warmgate] ERROR broken");
    }

    @Test
    void debugLevelPrintsEverything() {
        AgentLog log = new AgentLog(AgentLog.Level.DEBUG, out);
        log.debug("details");
        log.info("hello");
        assertThat(log.isDebug()).isTrue();
        assertThat(lines()).containsExactly("[warmgate] DEBUG details", "[warmgate] hello");
    }

    @Test
    void offStillPrintsErrors() {
        AgentLog log = new AgentLog(AgentLog.Level.OFF, out);
        log.info("hello");
        log.warn("careful");
        log.warnOnce("off-test", "careful once");
        log.debug("details");
        log.error("broken");
        assertThat(lines()).containsExactly("[warmgate] ERROR broken");
    }

    @Test
    void warnOncePrintsOncePerKeyAcrossInstances() {
        AgentLog log = new AgentLog(AgentLog.Level.INFO, out);
        log.warnOnce("warn-once-test-a", "first");
        log.warnOnce("warn-once-test-a", "again");
        new AgentLog(AgentLog.Level.INFO, out).warnOnce("warn-once-test-a", "from another log");
        log.warnOnce("warn-once-test-b", "other key");
        assertThat(lines()).containsExactly("[warmgate] WARN first", "[warmgate] WARN other key");
    }

    @Test
    void aMessageCannotForgeExtraLines() {
        new AgentLog(AgentLog.Level.INFO, out).info("peer x\n[warmgate] ERROR fake\r\nmore");
        assertThat(lines()).hasSize(1);
        assertThat(lines()[0]).startsWith("[warmgate] peer x ");
    }

    @Test
    void stderrLogWritesToStandardError() {
        PrintStream original = System.err;
        System.setErr(out);
        try {
            AgentLog.stderr(AgentLog.Level.INFO).info("to stderr");
        } finally {
            System.setErr(original);
        }
        assertThat(lines()).containsExactly("[warmgate] to stderr");
    }

    @Test
    void oneTimeWarningsAreBoundedWithOneLineSayingSo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AgentLog log = new AgentLog(AgentLog.Level.INFO, new PrintStream(out, true, StandardCharsets.UTF_8));
        AgentLog.forgetWarningsShownOnce();
        try {
            for (int i = 0; i < AgentLog.MAX_WARNED_ONCE + 50; i++) {
                log.warnOnce("bounded-" + i, "warning " + i);
            }
            String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
            assertThat(lines).hasSize(AgentLog.MAX_WARNED_ONCE + 1);
            assertThat(lines[lines.length - 1]).isEqualTo("[warmgate] WARN more than " + AgentLog.MAX_WARNED_ONCE
                    + " different warnings; further ones are not shown");
        } finally {
            AgentLog.forgetWarningsShownOnce();
        }
    }
}
