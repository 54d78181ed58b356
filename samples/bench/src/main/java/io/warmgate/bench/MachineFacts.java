package io.warmgate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the results were measured on, written next to every result. */
public final class MachineFacts {

    private MachineFacts() {
    }

    public static List<String> describe() {
        List<String> facts = new ArrayList<>();
        facts.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
                + memory() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        facts.add("bench JVM: Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + "); the samples run on the same JDK");
        facts.add("load average at start (1, 5, 15 min): " + loadAverage());
        return facts;
    }

    /** One short phrase for chart subtitles. */
    public static String shortDescription() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
    }

    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields.length >= 3 ? fields[0] + " " + fields[1] + " " + fields[2] : "unknown";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The first line a short command prints (stdout and stderr), or why it could not run. */
    public static String firstLineOf(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return output.lines().findFirst().orElse("").trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage()
                    + " (is it installed? samples/bench/rollout.sh installs HAProxy)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux; the core count is still reported
        }
        return "unknown CPU";
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return Math.round(kib / 1024.0 / 1024.0) + " GiB memory";
                }
            }
        } catch (IOException | RuntimeException e) {
            // reported as unknown
        }
        return "unknown memory";
    }
}
