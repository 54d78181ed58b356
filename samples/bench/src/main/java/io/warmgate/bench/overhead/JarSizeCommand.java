package io.warmgate.bench.overhead;

import io.warmgate.bench.CliOptions;
import io.warmgate.bench.Repository;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code jar-size}: the agent jar's size, and the compressed bytes per package (three levels deep below the
 * shaded root), which shows where the room goes.
 */
public final class JarSizeCommand {

    static final Map<String, String> DEFAULTS = Map.of("jar", Repository.AGENT_JAR.toString(), "top", "15");
    /** The target in the issue: under 4 MB, counted as 4,000,000 bytes to be safe. */
    static final long TARGET_BYTES = 4_000_000L;

    private JarSizeCommand() {
    }

    public static String usage() {
        return "usage: java -jar samples/bench/target/warmgate-bench.jar jar-size [--jar path] [--top 15]";
    }

    public static int run(String[] args, PrintStream out) throws IOException {
        CliOptions options = CliOptions.parse(args, DEFAULTS);
        Path jar = Repository.requireFile(options.path("jar"), "build the agent first");
        int top = options.integer("top", 1, 1000);
        long size = Files.size(jar);
        Path shown = jar.startsWith(Path.of("").toAbsolutePath()) ? Path.of("").toAbsolutePath().relativize(jar) : jar;
        out.printf(Locale.ROOT, "%s: %d bytes (%.2f MB, %.2f MiB); target < %d bytes: %s%n", shown, size, size / 1e6,
                size / 1048576.0, TARGET_BYTES, size < TARGET_BYTES ? "met" : "missed by " + (size - TARGET_BYTES));
        Map<String, long[]> packages = compressedBytesByPackage(jar);
        packages.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .limit(top)
                .forEach(entry -> out.printf(Locale.ROOT, "  %9d bytes compressed, %4d entries  %s%n",
                        entry.getValue()[0], entry.getValue()[1], entry.getKey()));
        return 0;
    }

    /** Package (up to five name segments) to {compressed bytes, entry count}. */
    static Map<String, long[]> compressedBytesByPackage(Path jar) throws IOException {
        Map<String, long[]> packages = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                int slash = name.lastIndexOf('/');
                String directory = slash < 0 ? "(root)" : name.substring(0, slash);
                String[] parts = directory.split("/");
                String key = String.join(".", java.util.Arrays.copyOf(parts, Math.min(parts.length, 5)));
                long[] totals = packages.computeIfAbsent(key, ignored -> new long[2]);
                totals[0] += Math.max(0, entry.getCompressedSize());
                totals[1]++;
            }
        }
        return new LinkedHashMap<>(packages);
    }
}
