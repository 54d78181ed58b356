package io.warmgate.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Class files of the test class path (the JDK's included), as the agent's transformer would be handed them. */
public final class TestClassFiles {

    private TestClassFiles() {
    }

    public static byte[] of(Class<?> type) {
        return of(type.getName());
    }

    /** @param className a binary name, e.g. {@code io.warmgate.agent.servlet.JavaxServletHooks} */
    public static byte[] of(String className) {
        try (InputStream in = TestClassFiles.class.getClassLoader()
                .getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IllegalArgumentException("no class file for " + className + " on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
