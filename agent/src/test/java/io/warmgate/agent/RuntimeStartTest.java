package io.warmgate.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.core.AgentLog;
import io.warmgate.core.HandlerLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The gate's start on its own thread: the weaver waits for it, and a start that fails leaves nothing instrumented.
 * (A start that succeeds installs the gate in the JVM-wide bridge; the integration tests cover that one.)
 */
class RuntimeStartTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(AgentLog.Level.INFO, new PrintStream(output, true));

    @Test
    void aStartThatFailsSaysWhyRemovesTheTransformerAndWeavesNothing() {
        List<Object> removed = new CopyOnWriteArrayList<>();
        Instrumentation instrumentation = (Instrumentation) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Instrumentation.class}, (proxy, method, args) -> {
                    if (method.getName().equals("removeTransformer")) {
                        removed.add(args[0]);
                        return true;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        ClassFileTransformer transformer = new ClassFileTransformer() {
        };
        // No configuration at all: building the gate fails with a NullPointerException.
        RuntimeStart start = new RuntimeStart(null, null, log, null, new HandlerLog(log), 10_000);

        start.startInBackground(instrumentation, transformer);

        assertThat(start.awaitReady()).isFalse();
        assertThat(removed).containsExactly(transformer);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .startsWith("[warmgate] ERROR could not build the gate (java.lang.NullPointerException")
                .contains("warmgate is disabled, the application runs without it");
    }

    @Test
    void aWeaverWaitsAtMostTheLimitOnceAndThenNoMore() {
        RuntimeStart neverStarted = new RuntimeStart(null, null, log, null, new HandlerLog(log), 200);

        long begin = System.nanoTime();
        assertThat(neverStarted.awaitReady()).isFalse();
        long firstMillis = (System.nanoTime() - begin) / 1_000_000;
        begin = System.nanoTime();
        assertThat(neverStarted.awaitReady()).isFalse();
        long secondMillis = (System.nanoTime() - begin) / 1_000_000;

        assertThat(firstMillis).isBetween(150L, 5_000L);
        assertThat(secondMillis).isLessThan(100L);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("WARN warmgate's gate was not ready after 200 ms");
    }
}
