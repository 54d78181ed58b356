package io.warmgate.samples.legacy;

import static net.bytebuddy.matcher.ElementMatchers.named;

import com.google.common.base.Joiner;
import com.google.common.base.Strings;
import com.google.common.collect.ImmutableSortedMultiset;
import com.google.common.collect.Lists;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.implementation.MethodDelegation;

/**
 * What the application does with its own old Byte Buddy and Guava. Every answer is deterministic, so a test can
 * compare it byte for byte between a JVM with the agent and one without.
 */
final class LegacyLibraries {

    private final Greeting startupGreeting;
    private final AtomicInteger generatedPerRequest = new AtomicInteger();

    private LegacyLibraries(Greeting startupGreeting) {
        this.startupGreeting = startupGreeting;
    }

    /** Generates the first class before the server starts, as frameworks built on Byte Buddy do. */
    static LegacyLibraries atStartup() {
        return new LegacyLibraries(generateGreeting("startup"));
    }

    /** The report for {@code name}: library versions, two generated classes at work, and some Guava results. */
    String report(String name) {
        String subject = Strings.isNullOrEmpty(name) ? "world" : name;
        Greeting perRequest = generateGreeting("request");
        generatedPerRequest.incrementAndGet();
        return Joiner.on('\n').join(
                "byte-buddy " + bundledVersion("net.bytebuddy", "byte-buddy"),
                "guava " + bundledVersion("com.google.guava", "guava"),
                "startup class: " + startupGreeting.greet() + ", " + startupGreeting.describe(),
                "request class: " + perRequest.greet() + ", " + perRequest.describe()
                        + ", own loader " + (perRequest.getClass().getClassLoader() != Greeting.class.getClassLoader()),
                "murmur3_32(" + subject + ") = " + Hashing.murmur3_32().hashString(subject, StandardCharsets.UTF_8),
                "letters of " + subject + " = " + ImmutableSortedMultiset.copyOf(Lists.charactersOf(subject)),
                "");
    }

    /**
     * A new subclass of {@link Greeting}, in a class loader of its own (Byte Buddy's wrapper strategy): one
     * method with a fixed value, one delegated through a generated super-call helper class.
     */
    private static Greeting generateGreeting(String label) {
        try {
            return new ByteBuddy()
                    .subclass(Greeting.class)
                    .method(named("greet")).intercept(FixedValue.value("hello from the " + label + " class"))
                    .method(named("describe")).intercept(MethodDelegation.to(GreetingDescriber.class))
                    .make()
                    .load(Greeting.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                    .getLoaded()
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not instantiate a generated Greeting", e);
        }
    }

    /** The version of a bundled library, from the Maven metadata the fat jar keeps. */
    private static String bundledVersion(String groupId, String artifactId) {
        String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = LegacyLibraries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
