package io.warmgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AgentThreadsTest {

    @Test
    void aDaemonWithoutTheCallersClassLoaderNotYetStarted() {
        Thread thread = AgentThreads.daemon(() -> { }, "warmgate-test");

        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getContextClassLoader()).isNull();
        assertThat(thread.getName()).isEqualTo("warmgate-test");
        assertThat(thread.getState()).isEqualTo(Thread.State.NEW);
    }

    @Test
    void startDaemonRunsTheTaskOnThatThread() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        AtomicReference<Thread> runner = new AtomicReference<>();

        Thread thread = AgentThreads.startDaemon(() -> {
            runner.set(Thread.currentThread());
            ran.countDown();
        }, "warmgate-test-started");

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(runner.get()).isSameAs(thread);
        assertThat(thread.isDaemon()).isTrue();
    }
}
