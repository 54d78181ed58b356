package io.warmgate.it.support;

import java.util.List;

/**
 * Lines in a sample's output that say the agent failed at its job: an error, a class it could not instrument
 * (Byte Buddy's transformation and advice errors reach the log through the agent's listener as
 * {@code [warmgate] WARN could not instrument ...}), a failure inside its advice, or the JVM rejecting
 * bytecode, which only woven advice could have broken. Any of these fails the test class that provoked it
 * (see {@link AgentComplaintCheck}) unless the class declares it with {@link ExpectedAgentComplaints}.
 */
public final class AgentComplaints {

    private static final List<String> AGENT_LINE_STARTS = List.of(
            "[warmgate] ERROR",
            "[warmgate] WARN could not instrument",
            "[warmgate] WARN internal failure");

    private static final List<String> JVM_BYTECODE_ERRORS = List.of(
            "java.lang.VerifyError",
            "java.lang.ClassFormatError");

    private AgentComplaints() {
    }

    /** The complaints among {@code lines} (a sample's stderr or stdout), in order. */
    public static List<String> in(List<String> lines) {
        return lines.stream().filter(AgentComplaints::isComplaint).toList();
    }

    public static boolean isComplaint(String line) {
        return AGENT_LINE_STARTS.stream().anyMatch(line::startsWith)
                || JVM_BYTECODE_ERRORS.stream().anyMatch(line::contains);
    }
}
