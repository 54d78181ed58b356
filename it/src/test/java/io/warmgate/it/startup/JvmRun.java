package io.warmgate.it.startup;

import io.warmgate.it.support.ItEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One short-lived JVM on the samples' JDK, run to its end, with its output kept in a file under the log folder. */
final class JvmRun {

    private JvmRun() {
    }

    /**
     * Runs {@code java <arguments>} and returns its output (stdout and stderr merged).
     *
     * @throws AssertionError when it does not end within the time or ends with a non-zero status
     */
    static List<String> run(String name, List<String> arguments, long timeoutSeconds) {
        Path log = ItEnvironment.logDirectory().resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(ItEnvironment.javaHome().resolve("bin/java").toString());
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not end within " + timeoutSeconds + " s: " + command);
            }
            List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ": " + command + "\n"
                        + String.join("\n", output));
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The test classes folder, where {@link PlainMain} lives. */
    static String testClasses() {
        return Path.of("target", "test-classes").toAbsolutePath().toString();
    }

    /** {@code -javaagent:<the real jar>}. */
    static String agent() {
        return "-javaagent:" + ItEnvironment.agentJar();
    }
}
