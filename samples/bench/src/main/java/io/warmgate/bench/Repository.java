package io.warmgate.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the bench finds the built artifacts: the repository root, which is the working directory. */
public final class Repository {

    public static final Path AGENT_JAR = Path.of("agent/target/warmgate-agent.jar");

    private Repository() {
    }

    /** The root: the current directory, checked by looking for the agent module. */
    public static Path root() {
        Path root = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(root.resolve("agent")) || !Files.isDirectory(root.resolve("samples"))) {
            throw new IllegalStateException("run the bench from the repository root (found no agent/ and samples/ in "
                    + root + ")");
        }
        return root;
    }

    public static Path requireFile(Path file, String hint) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " not found; " + hint);
        }
        return file;
    }
}
