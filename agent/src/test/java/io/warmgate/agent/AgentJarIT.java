package io.warmgate.agent;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the packaged agent jar: what it contains, its bytecode level and its manifest. */
class AgentJarIT {

    private static final int JAVA_8_MAJOR = 52;

    private static Path jarPath;
    private static Map<String, byte[]> classes;
    private static List<String> entries;
    private static Attributes manifest;

    @BeforeAll
    static void readJar() throws IOException {
        jarPath = Paths.get(System.getProperty("warmgate.agent.jar", "target/warmgate-agent.jar"));
        assertThat(jarPath).exists();
        classes = new TreeMap<>();
        entries = new ArrayList<>();
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            manifest = jar.getManifest().getMainAttributes();
            for (JarEntry entry : Collections.list(jar.entries())) {
                entries.add(entry.getName());
                if (entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        classes.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        System.out.printf("warmgate-agent.jar: %,d bytes, %d classes%n", Files.size(jarPath), classes.size());
    }

    @Test
    void manifestDeclaresAgentAndCli() {
        assertThat(manifest.getValue("Premain-Class")).isEqualTo("io.warmgate.agent.WarmgateAgent");
        assertThat(manifest.getValue("Agent-Class")).isEqualTo("io.warmgate.agent.WarmgateAgent");
        assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");
        assertThat(manifest.getValue("Main-Class")).isEqualTo("io.warmgate.cli.WarmgateCli");
        assertThat(manifest.getValue("Implementation-Version")).isNotBlank();
    }

    @Test
    void everythingLivesUnderTheProjectPackage() {
        for (String entry : entries) {
            boolean ours = entry.startsWith("io/warmgate/") || entry.equals("io/");
            // Licence texts of the shaded libraries (Byte Buddy ships ASM's) stay with them.
            boolean metaInf = entry.equals("META-INF/") || entry.equals("META-INF/MANIFEST.MF")
                    || entry.startsWith("META-INF/licenses/") || entry.equals("META-INF/services/")
                    || entry.equals(MODULE_SERVICES);
            assertThat(ours || metaInf).as("unexpected jar entry %s", entry).isTrue();
        }
        assertThat(classes.keySet()).noneMatch(name -> name.startsWith("net/bytebuddy/") || name.startsWith("com/google/"));
    }

    @Test
    void theJarStaysUnderFourMegabytes() throws IOException {
        assertThat(Files.size(jarPath)).as("bytes; the target is under 4 MB (4,000,000 bytes)")
                .isLessThan(4_000_000L);
    }

    @Test
    void byteBuddyIsShadedAndRelocatedAndGuavaIsNotCarried() {
        assertThat(classes).containsKey("io/warmgate/shaded/bytebuddy/agent/builder/AgentBuilder.class");
        assertThat(classes.keySet()).as("the peer hash is the agent's own murmur3")
                .noneMatch(name -> name.contains("/guava/") || name.startsWith("com/google/"));
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            String text = new String(entry.getValue(), StandardCharsets.ISO_8859_1);
            assertThat(text).as("%s references an unrelocated Byte Buddy class", entry.getKey())
                    .doesNotContain("Lnet/bytebuddy/").doesNotContain("Lcom/google/common/");
        }
    }

    @Test
    void everyClassRunsOnJava8() throws IOException {
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            int major = majorVersion(entry.getValue());
            assertThat(major).as("bytecode level of %s", entry.getKey()).isLessThanOrEqualTo(JAVA_8_MAJOR);
            if (!entry.getKey().startsWith("io/warmgate/shaded/")) {
                assertThat(major).as("our own class %s is compiled for Java 8", entry.getKey()).isEqualTo(JAVA_8_MAJOR);
            }
        }
    }

    @Test
    void coreConfigAndCliHaveNoByteBuddy() {
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            String name = entry.getKey();
            if (name.startsWith("io/warmgate/core/") || name.startsWith("io/warmgate/config/")
                    || name.startsWith("io/warmgate/cli/") || name.startsWith("io/warmgate/bridge/")) {
                assertThat(new String(entry.getValue(), StandardCharsets.ISO_8859_1))
                        .as("%s must not depend on Byte Buddy", name)
                        .doesNotContain("io/warmgate/shaded/bytebuddy");
            }
        }
    }

    @Test
    void bridgeReferencesOnlyJdkTypesAndItself() {
        List<String> bridge = new ArrayList<>();
        for (String name : classes.keySet()) {
            if (name.startsWith("io/warmgate/bridge/")) {
                bridge.add(name);
                String text = new String(classes.get(name), StandardCharsets.ISO_8859_1);
                assertThat(text.replace("io/warmgate/bridge/", ""))
                        .as("%s is loaded by the boot class loader and may only use JDK types", name)
                        .doesNotContain("io/warmgate/");
            }
        }
        assertThat(bridge).as("exactly the classes the injector puts in the boot loader")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(BootstrapBridgeInjector.BRIDGE_CLASSES)
                        .map(name -> name.replace('.', '/') + ".class").toList());
    }

    @Test
    void everyListedFrameworkModuleIsInTheJar() throws IOException {
        List<String> modules;
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            modules = new String(jar.getInputStream(jar.getEntry(MODULE_SERVICES)).readAllBytes(),
                    StandardCharsets.UTF_8).lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
        }
        assertThat(modules).contains("io.warmgate.agent.servlet.ServletModule", "io.warmgate.agent.jaxrs.JaxRsModule",
                "io.warmgate.agent.spring.SpringModule", "io.warmgate.agent.grpc.GrpcModule",
                "io.warmgate.agent.webflux.WebFluxModule", "io.warmgate.agent.micronaut.MicronautModule",
                "io.warmgate.agent.vertx.VertxModule");
        for (String module : modules) {
            assertThat(classes).containsKey(module.replace('.', '/') + ".class");
        }
    }

    /**
     * Everything that runs before the first health handler class loads stays away from Byte Buddy, so that a
     * service without one never loads it (the integration tests check the same from the JVM's class-load log).
     */
    @Test
    void startUpClassesHaveNoByteBuddy() {
        List<String> startUp = List.of("agent/WarmgateAgent", "agent/BootstrapBridgeInjector", "agent/AgentStarter",
                "agent/FrameworkModules", "agent/Instrumenter", "agent/HandlerTransformer", "agent/ScreenIndex",
                "agent/ClassFileScreen", "agent/LoaderChecks", "agent/LazyWeaver", "agent/ClassWeaver",
                "agent/GateRuntime", "agent/GateEventLog", "agent/JavaVersionSupport", "agent/AgentVersion",
                "agent/AgentJarFile", "agent/StartupTimes", "agent/RuntimeStart",
                "agent/spi/FrameworkModule", "agent/spi/ClassScreen", "agent/spi/WeaverContext",
                "agent/servlet/ServletModule", "agent/jaxrs/JaxRsModule", "agent/spring/SpringModule",
                "agent/grpc/GrpcModule", "agent/webflux/WebFluxModule", "agent/micronaut/MicronautModule",
                "agent/vertx/VertxModule");
        for (String name : startUp) {
            byte[] classFile = classes.get("io/warmgate/" + name + ".class");
            assertThat(classFile).as(name).isNotNull();
            assertThat(new String(classFile, StandardCharsets.ISO_8859_1)).as("%s runs at start-up", name)
                    .doesNotContain("io/warmgate/shaded/bytebuddy");
        }
    }

    /**
     * Each javax advice or hooks class is the source of a generated jakarta twin; each references only its own
     * namespace.
     */
    @Test
    void adviceTwinsReferenceOnlyTheirOwnNamespace() {
        for (String advice : List.of("servlet/%sServletHooks", "servlet/%sFilterHooks",
                "jaxrs/%sResourceHooks")) {
            String javax = new String(classes.get("io/warmgate/agent/" + advice.formatted("Javax") + ".class"),
                    StandardCharsets.ISO_8859_1);
            String jakarta = new String(classes.get("io/warmgate/agent/" + advice.formatted("Jakarta") + ".class"),
                    StandardCharsets.ISO_8859_1);
            assertThat(javax).as(advice.formatted("Javax")).contains("javax/").doesNotContain("jakarta/");
            assertThat(jakarta).as(advice.formatted("Jakarta")).contains("jakarta/").doesNotContain("javax/");
        }
    }

    private static final String MODULE_SERVICES = "META-INF/services/io.warmgate.agent.spi.FrameworkModule";

    private static int majorVersion(byte[] classFile) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(classFile))) {
            assertThat(in.readInt()).isEqualTo(0xCAFEBABE);
            in.readUnsignedShort(); // minor
            return in.readUnsignedShort();
        }
    }
}
