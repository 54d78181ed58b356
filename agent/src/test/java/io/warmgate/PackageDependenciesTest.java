package io.warmgate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the agent's main sources, read from their imports and qualified names: dependencies run one way
 * (framework packages -> agent SPI -> core; config -> core; the bridge on its own), and no package reaches,
 * directly or through others, a package that reaches it back.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.warmgate(?:\\.[a-z][a-z0-9]*)+)\\.[A-Z]");
    private static final Map<String, Set<String>> USES = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                Set<String> uses = USES.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (reference.find()) {
                    if (!reference.group(1).equals(pkg)) {
                        uses.add(reference.group(1));
                    }
                }
            }
        }
    }

    @Test
    void noPackageReachesBackToItself() {
        List<String> cycles = new ArrayList<>();
        for (String start : USES.keySet()) {
            for (String reached : reachableFrom(start)) {
                if (reachableFrom(reached).contains(start)) {
                    cycles.add(start + " <-> " + reached);
                }
            }
        }
        assertThat(cycles).as("package cycles; uses: %s", USES).isEmpty();
    }

    @Test
    void theCoreIsPlainJava() {
        USES.forEach((pkg, uses) -> {
            if (pkg.startsWith("io.warmgate.core")) {
                assertThat(uses).as(pkg).allMatch(used -> used.startsWith("io.warmgate.core"));
            }
        });
        assertThat(USES.get("io.warmgate.bridge")).as("the bridge is loaded by the boot loader").isEmpty();
        assertThat(USES.get("io.warmgate.config")).allMatch(used -> used.startsWith("io.warmgate.core"));
    }

    @Test
    void frameworkPackagesKnowOnlyTheSpiTheBridgeAndTheCore() {
        for (String framework : List.of("io.warmgate.agent.servlet", "io.warmgate.agent.jaxrs",
                "io.warmgate.agent.spring", "io.warmgate.agent.grpc", "io.warmgate.agent.undertow",
                "io.warmgate.agent.webflux", "io.warmgate.agent.micronaut",
                "io.warmgate.agent.vertx")) {
            assertThat(USES.get(framework)).as(framework).allMatch(used -> used.equals("io.warmgate.agent.spi")
                    || used.equals("io.warmgate.bridge") || used.startsWith("io.warmgate.core")
                    || isSharedSpringModel(framework, used));
        }
        assertThat(USES.get("io.warmgate.agent")).as("the engine finds frameworks through the SPI alone")
                .noneMatch(used -> used.matches("io\\.warmgate\\.agent\\.(servlet|jaxrs|spring|grpc|undertow|webflux|micronaut|vertx)"));
    }

    /** WebFlux shares Spring's annotation model (controllers, Actuator) with Spring MVC: it reuses that reader. */
    private static boolean isSharedSpringModel(String framework, String used) {
        return framework.equals("io.warmgate.agent.webflux") && used.equals("io.warmgate.agent.spring");
    }

    private static Set<String> reachableFrom(String start) {
        Set<String> seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(USES.getOrDefault(start, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (seen.add(next)) {
                todo.addAll(USES.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }
}
