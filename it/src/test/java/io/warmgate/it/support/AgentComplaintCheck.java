package io.warmgate.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when a sample JVM it ran logged an {@link AgentComplaints agent complaint} the class did
 * not declare with {@link ExpectedAgentComplaints}. Registered for every test class in this module through
 * JUnit's extension auto-detection ({@code META-INF/services} and {@code junit-platform.properties}), so no
 * test has to remember it.
 *
 * <p>It reads the sample logs every sample writes under {@link ItEnvironment#logDirectory()}, however it was
 * started: the logs written or rewritten while the class ran are the class's own (classes run one at a time).
 * It runs after the class's own {@code @AfterAll} methods, when its samples have stopped and their logs are
 * complete.
 */
public final class AgentComplaintCheck implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AgentComplaintCheck.class);
    private static final String LOGS_BEFORE = "logs-before";
    /** Lines of sample logs carry the stream they came from: see SampleProcess. */
    private static final List<String> STREAM_PREFIXES = List.of("err| ", "out| ");

    /** A log file's identity for "was it written since": size and modification time. */
    private record Version(long size, long modifiedNanos) {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(LOGS_BEFORE, versions(ItEnvironment.logDirectory()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Map<Path, Version> before = context.getStore(NAMESPACE).get(LOGS_BEFORE, Map.class);
        List<String> expected = expectedComplaints(context.getRequiredTestClass());
        List<String> unexpected = new ArrayList<>();
        versions(ItEnvironment.logDirectory()).forEach((log, now) -> {
            if (before == null || !now.equals(before.get(log))) {
                for (String complaint : AgentComplaints.in(streamLines(log))) {
                    if (expected.stream().noneMatch(complaint::contains)) {
                        unexpected.add(log.getFileName() + ": " + complaint);
                    }
                }
            }
        });
        if (!unexpected.isEmpty()) {
            throw new AssertionError("the agent complained in " + context.getRequiredTestClass().getSimpleName()
                    + "'s sample JVMs (transformation/advice errors, internal failures or errors; declare deliberate"
                    + " ones with @" + ExpectedAgentComplaints.class.getSimpleName() + "):\n  "
                    + String.join("\n  ", unexpected));
        }
    }

    /** The declared texts of the class and of the classes enclosing it (for @Nested classes). */
    public static List<String> expectedComplaints(Class<?> testClass) {
        List<String> expected = new ArrayList<>();
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            Optional.ofNullable(type.getAnnotation(ExpectedAgentComplaints.class))
                    .ifPresent(declared -> expected.addAll(Arrays.asList(declared.value())));
        }
        return expected;
    }

    private static Map<Path, Version> versions(Path directory) {
        Map<Path, Version> versions = new HashMap<>();
        if (!Files.isDirectory(directory)) {
            return versions;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> file.getFileName().toString().endsWith(".log")).forEach(file -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    versions.put(file, new Version(attributes.size(),
                            attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
                } catch (IOException vanished) {
                    // deleted between listing and reading: nothing to check
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list sample logs in " + directory, e);
        }
        return versions;
    }

    /** The lines the sample printed, without the stream prefix the log adds. */
    private static List<String> streamLines(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.map(AgentComplaintCheck::withoutStreamPrefix).filter(Objects::nonNull).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new AssertionError("cannot read sample log " + log, e);
        }
    }

    private static String withoutStreamPrefix(String line) {
        for (String prefix : STREAM_PREFIXES) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        return null; // the log's own header lines
    }
}
