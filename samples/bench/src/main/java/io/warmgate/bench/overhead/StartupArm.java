package io.warmgate.bench.overhead;

import io.warmgate.bench.overhead.probe.EmptyPremainAgent;
import io.warmgate.bench.overhead.probe.NullTransformerAgent;
import io.warmgate.bench.overhead.probe.ProbeAgentJar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One way of starting a sample in the start-up benchmark: with no agent, with one of the two probe agents (the
 * JVM's own price for an agent, and for an agent with a transformer), or with a warmgate agent jar.
 *
 * @param label    the arm's name in the report
 * @param agentJar the {@code -javaagent} jar; null for none
 */
public record StartupArm(String label, Path agentJar) {

    static final String NO_AGENT = "no agent";

    /** The arm's agent jar file name, as the class-load log's sources end; null for none. */
    String agentJarName() {
        return agentJar == null ? null : agentJar.getFileName().toString();
    }

    /**
     * The four arms in their report order (no agent, empty premain, null transformer, warmgate), plus
     * {@code compareAgent} as a fifth when given; the probe jars are written to {@code work}.
     */
    static List<StartupArm> all(Path warmgateJar, Path compareAgent, Path work) throws IOException {
        List<StartupArm> arms = new ArrayList<>();
        arms.add(new StartupArm(NO_AGENT, null));
        arms.add(new StartupArm("empty premain",
                ProbeAgentJar.write(EmptyPremainAgent.class, work, "probe-empty-premain.jar")));
        arms.add(new StartupArm("null transformer",
                ProbeAgentJar.write(NullTransformerAgent.class, work, "probe-null-transformer.jar")));
        arms.add(new StartupArm("warmgate", warmgateJar));
        if (compareAgent != null) {
            arms.add(new StartupArm("warmgate (" + compareAgent.getFileName() + ")", compareAgent));
        }
        return arms;
    }

    /**
     * The arms in the order of run {@code run}: rotated by one per run, so that each arm goes first (just after
     * the previous sample JVM exited) equally often and a drift in the machine's load touches every arm alike.
     */
    static List<StartupArm> orderOfRun(List<StartupArm> arms, int run) {
        List<StartupArm> order = new ArrayList<>(arms.size());
        for (int i = 0; i < arms.size(); i++) {
            order.add(arms.get((run + i) % arms.size()));
        }
        return order;
    }
}
