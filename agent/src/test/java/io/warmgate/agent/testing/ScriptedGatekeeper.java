package io.warmgate.agent.testing;

import io.warmgate.bridge.Denial;
import io.warmgate.bridge.GateBridge;
import io.warmgate.bridge.HealthRequest;
import io.warmgate.bridge.HealthGatekeeper;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A gatekeeper whose answer a test sets, recording what the advice asked. {@link GateBridge} takes one
 * gatekeeper for the JVM's life, so this one is installed once and reset per test; every advice test in the JVM
 * shares it.
 */
public final class ScriptedGatekeeper implements HealthGatekeeper {

    private static final ScriptedGatekeeper INSTANCE = new ScriptedGatekeeper();
    private static final boolean INSTALLED = GateBridge.install(INSTANCE);

    /** One recorded {@link #check} call. */
    public record Check(String path, String remoteAddr, int localPort, String headerValue, String warmupMarker,
                 String handler) {
        static Check of(HealthRequest request) {
            return new Check(request.path(), request.remoteAddress(), request.localPort(), request.peerHeader(),
                    request.warmupMarker(), request.handlerLabel());
        }
    }

    public final List<Check> checks = new CopyOnWriteArrayList<>();
    /** The same calls, whole, for tests that look at more than {@link Check} holds. */
    public final List<HealthRequest> requests = new CopyOnWriteArrayList<>();
    /** Business requests reported while {@link #watchBusiness} is on: remote address, peer header, warm-up marker. */
    public final List<List<String>> businessRequests = new CopyOnWriteArrayList<>();
    public final List<String> failures = new CopyOnWriteArrayList<>();
    public volatile Denial denial;
    public volatile String peerHeader;
    public volatile boolean watchBusiness;

    private ScriptedGatekeeper() {
    }

    /**
     * The installed gatekeeper, reset to "allow everyone". Fails (never skips) when another gatekeeper got there
     * first: the advice tests would then test nothing.
     */
    public static ScriptedGatekeeper installed() {
        if (!INSTALLED) {
            throw new AssertionError("another test installed a gatekeeper in this JVM; the advice tests need this "
                    + "one (GateBridge takes one gatekeeper for the JVM's life)");
        }
        INSTANCE.checks.clear();
        INSTANCE.requests.clear();
        INSTANCE.businessRequests.clear();
        INSTANCE.failures.clear();
        INSTANCE.denial = null;
        INSTANCE.peerHeader = null;
        INSTANCE.watchBusiness = false;
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
    public Denial check(HealthRequest request) {
        checks.add(Check.of(request));
        requests.add(request);
        return denial;
    }

    @Override
    public boolean watchesBusiness() {
        return watchBusiness;
    }

    @Override
    public boolean timesBusiness() {
        return false;
    }

    @Override
    public void businessEnded(String method, String path, String query, int status, long elapsedNanos,
                              String warmupMarker) {
        throw new AssertionError("business requests are not timed here");
    }

    @Override
    public void businessRequest(String remoteAddress, String peerHeaderValue, String warmupMarker) {
        if (!watchBusiness) {
            throw new AssertionError("business requests are not watched here");
        }
        businessRequests.add(java.util.Arrays.asList(remoteAddress, peerHeaderValue, warmupMarker));
    }

    @Override
    public void handlerAnswered(String handlerKind, String handler, String path) {
        throw new AssertionError("the JAX-RS advice names its handler in the check itself");
    }

    @Override
    public void failed(String where, Throwable failure) {
        failures.add(where + ": " + failure);
    }
}
