package io.warmgate.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The agent's lines in a sample's stderr ({@code [warmgate] ...}). */
public final class AgentLog {

    /** A peer state change, e.g. {@code [warmgate] peer 127.0.0.7 hash 703090793 bucket 93 percent 0.0 denied}. */
    public record PeerLine(String line, String peer, long hash, int bucket, double percent, boolean allowed) {
    }

    private static final String PREFIX = "[warmgate] ";
    private static final Pattern PEER = Pattern.compile(
            "\\[warmgate] peer (\\S+) hash (\\d+) bucket (\\d+) percent (\\d+(?:\\.\\d+)?) (allowed|denied)");

    private final List<String> lines;

    public AgentLog(List<String> stderr) {
        this.lines = stderr.stream().filter(line -> line.startsWith(PREFIX)).toList();
    }

    public List<String> lines() {
        return lines;
    }

    public List<String> errors() {
        return lines.stream().filter(line -> line.startsWith(PREFIX + "ERROR")).toList();
    }

    public List<String> containing(String text) {
        return lines.stream().filter(line -> line.contains(text)).toList();
    }

    /** Lines whose message (after the {@code [warmgate] } prefix) starts with {@code text}. */
    public List<String> startingWith(String text) {
        return lines.stream().filter(line -> line.startsWith(PREFIX + text)).toList();
    }

    public List<PeerLine> peerLines() {
        List<PeerLine> peers = new ArrayList<>();
        for (String line : lines) {
            Matcher matcher = PEER.matcher(line);
            if (matcher.matches()) {
                peers.add(new PeerLine(line, matcher.group(1), Long.parseLong(matcher.group(2)),
                        Integer.parseInt(matcher.group(3)), Double.parseDouble(matcher.group(4)),
                        matcher.group(5).equals("allowed")));
            }
        }
        return peers;
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
