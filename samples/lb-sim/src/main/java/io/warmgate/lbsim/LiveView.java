package io.warmgate.lbsim;

import io.warmgate.testkit.Durations;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the demo's state. On a terminal the whole screen is redrawn in place (ANSI cursor-home), otherwise one
 * compact line per second is appended, so the output also reads well in a log file or CI job.
 */
final class LiveView {

    private static final String HOME = "\u001b[H";
    private static final String CLEAR_SCREEN = "\u001b[2J";
    private static final String CLEAR_TO_LINE_END = "\u001b[K";
    private static final String CLEAR_TO_SCREEN_END = "\u001b[J";
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String DIM = "\u001b[2m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";
    private static final int AGENT_LINES_SHOWN = 8;

    /** What one frame shows. */
    record Frame(String title, Duration elapsed, Duration duration, List<SimulatedNode.Snapshot> nodes,
                 List<String> agentLines, String hint) {
    }

    private final PrintStream out;
    private final boolean terminal;
    private boolean firstFrame = true;
    private int agentLinesPrinted;

    LiveView(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void draw(Frame frame) {
        if (terminal) {
            drawScreen(frame);
        } else {
            appendLines(frame);
        }
        out.flush();
    }

    private void drawScreen(Frame frame) {
        StringBuilder screen = new StringBuilder(firstFrame ? HOME + CLEAR_SCREEN : HOME);
        firstFrame = false;
        List<String> lines = new ArrayList<>();
        lines.add(BOLD + frame.title() + RESET);
        lines.add(String.format(Locale.ROOT, "elapsed %6s (window %s)    ramp percent %s    healthy %d/%d",
                Durations.seconds(frame.elapsed()), Durations.seconds(frame.duration()), percentText(frame),
                healthyCount(frame), frame.nodes().size()));
        lines.add("");
        lines.add(DIM + "  LB node       bucket  last " + SimulatedNode.HISTORY_LENGTH
                + " checks (# healthy, . denied by warmgate)" + RESET);
        for (SimulatedNode.Snapshot node : frame.nodes()) {
            lines.add(String.format(Locale.ROOT, "  %-13s %6s  %s  %s", node.peer(), bucketText(node),
                    colored(padHistory(node.history())), stateText(node)));
        }
        lines.add("");
        lines.add(DIM + "agent log (the sample's stderr):" + RESET);
        List<String> agent = frame.agentLines();
        for (String line : agent.subList(Math.max(0, agent.size() - AGENT_LINES_SHOWN), agent.size())) {
            lines.add("  " + line);
        }
        lines.add("");
        lines.add(DIM + frame.hint() + RESET);
        for (String line : lines) {
            screen.append(line).append(CLEAR_TO_LINE_END).append('\n');
        }
        out.print(screen.append(CLEAR_TO_SCREEN_END));
    }

    private void appendLines(Frame frame) {
        List<String> agent = frame.agentLines();
        for (; agentLinesPrinted < agent.size(); agentLinesPrinted++) {
            out.println("    " + agent.get(agentLinesPrinted));
        }
        StringBuilder glyphs = new StringBuilder();
        frame.nodes().forEach(node -> glyphs.append(node.state().glyph));
        out.printf(Locale.ROOT, "%7s  ramp %6s  healthy %2d/%d  %s%n", Durations.seconds(frame.elapsed()),
                percentText(frame), healthyCount(frame), frame.nodes().size(), glyphs);
    }

    /**
     * The agent's percent as last reported in a denial; when nobody is denied any more the gate is, as far as
     * the nodes can tell, fully open.
     */
    static String percentText(Frame frame) {
        SimulatedNode.Snapshot latest = null;
        boolean anyDenied = false;
        for (SimulatedNode.Snapshot node : frame.nodes()) {
            anyDenied |= node.state() == SimulatedNode.State.DENIED;
            if (node.deniedPercent() != null && (latest == null || node.deniedAtNanos() > latest.deniedAtNanos())) {
                latest = node;
            }
        }
        if (!anyDenied && healthyCount(frame) == frame.nodes().size()) {
            return "100.0%";
        }
        return latest == null ? "  -  " : String.format(Locale.ROOT, "%5.1f%%", latest.deniedPercent());
    }

    static int healthyCount(Frame frame) {
        int healthy = 0;
        for (SimulatedNode.Snapshot node : frame.nodes()) {
            if (node.state() == SimulatedNode.State.HEALTHY) {
                healthy++;
            }
        }
        return healthy;
    }

    private static String bucketText(SimulatedNode.Snapshot node) {
        return node.bucket() == null ? "-" : String.valueOf(node.bucket());
    }

    private static String stateText(SimulatedNode.Snapshot node) {
        return switch (node.state()) {
            case HEALTHY -> GREEN + "healthy" + RESET;
            case DENIED -> RED + "denied" + RESET + DIM + " (" + node.detail() + ")" + RESET;
            case WAITING -> DIM + "waiting" + RESET;
            default -> RED + node.state().name().toLowerCase(Locale.ROOT) + RESET + " " + node.detail();
        };
    }

    private static String padHistory(String history) {
        return " ".repeat(SimulatedNode.HISTORY_LENGTH - history.length()) + history;
    }

    private static String colored(String history) {
        StringBuilder text = new StringBuilder();
        for (char glyph : history.toCharArray()) {
            if (glyph == SimulatedNode.State.HEALTHY.glyph) {
                text.append(GREEN).append(glyph).append(RESET);
            } else if (glyph == ' ') {
                text.append(glyph);
            } else {
                text.append(RED).append(glyph).append(RESET);
            }
        }
        return text.toString();
    }
}
