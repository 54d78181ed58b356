package io.warmgate.agent.jaxrs;

import io.warmgate.bridge.GateBridge;
import io.warmgate.bridge.HealthGatekeeper;
import org.junit.jupiter.api.Assumptions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A gatekeeper whose answer a test sets, recording what the advice asked. {@link GateBridge} takes one
 * gatekeeper for the JVM's life, so this one is installed once and reset per test.
 */
final class ScriptedGatekeeper implements HealthGatekeeper {

    private static final ScriptedGatekeeper INSTANCE = new ScriptedGatekeeper();
    private static final boolean INSTALLED = GateBridge.install(INSTANCE);

    /** One recorded {@link #check} call. */
    record Check(String path, String remoteAddr, int localPort, String headerValue, String warmupMarker,
                 String handler) {
    }

    final List<Check> checks = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    volatile String[] denial;
    volatile String peerHeader;

    private ScriptedGatekeeper() {
    }

    /** The installed gatekeeper, reset to "allow everyone"; skips the test if another one got there first. */
    static ScriptedGatekeeper installed() {
        Assumptions.assumeTrue(INSTALLED, "another test installed a gatekeeper in this JVM");
        INSTANCE.checks.clear();
        INSTANCE.failures.clear();
        INSTANCE.denial = null;
        INSTANCE.peerHeader = null;
        return INSTANCE;
    }

    @Override
    public boolean isGated(String path) {
        return path != null && (path.endsWith("/health") || path.endsWith("/ready"));
    }

    @Override
    public String peerHeaderName() {
        return peerHeader;
    }

    @Override
    public String[] check(String path, String remoteAddr, int localPort, String headerValue, String warmupMarker,
                          String handler) {
        checks.add(new Check(path, remoteAddr, localPort, headerValue, warmupMarker, handler));
        return denial;
    }

    @Override
    public void failed(String where, Throwable failure) {
        failures.add(where + ": " + failure);
    }
}
