package io.warmgate.it.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.Answers;
import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.SampleProcess;
import io.warmgate.testkit.WarmgateHeader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Odd but legal input from load-balancer nodes: IPv6 peers, HEAD requests, path parameters, query strings,
 * trailing slashes, very long paths and headers. An hour-long ramp keeps one peer denied and one (bucket 0)
 * allowed for the whole test, so every request shows whether it was gated.
 *
 * <p>The rule for a gated path: the allowed peer gets the application's own answer, untouched. Where that answer
 * is healthy (200), the denied peer gets the agent's 503 for its bucket. Where the application does not serve
 * the path (404), the denied peer gets either the same untouched answer or the agent's 503 (containers whose
 * "not found" answer comes from a servlet reach the gate too): either way unhealthy, never healthy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OddInputBehaviour {

    /** Within the 8 KB request-header limit of Tomcat and Jetty. */
    private static final int LONG = 6_000;
    /** Beyond it: the container rejects the request before any servlet (or the agent) sees it. */
    private static final int OVERLONG = 20_000;

    private final String deniedPeer = Peers.deniedDuringLongRamp(1).get(0);
    private final String allowedPeer = Peers.allowedFromTheStart(1).get(0);
    private SampleProcess sample;

    abstract Path jar();

    abstract String name();

    /** The application's path for {@code pathInApp}, with its context path. */
    abstract String path(String pathInApp);

    /** A health path that the application serves both without and with a trailing slash, if it has one. */
    abstract String healthServedWithTrailingSlash();

    @BeforeAll
    void startWithAnHourLongRamp() {
        sample = RobustnessSamples.withAgent(jar(), name(), "duration=1h");
        Answers.assertDeniedByWarmgate(Exchanges.get(deniedPeer, sample.port(), path("/health")));
    }

    @AfterAll
    void stopSample() {
        RobustnessSamples.stopAll(sample);
    }

    @Test
    void ipv6LoopbackIsOnePeerInItsCanonicalForm() {
        Assumptions.assumeTrue(canBind("::1"), "this host has no IPv6 loopback");
        HttpResult answer = Exchanges.get("::1", sample.port(), path("/health"));

        // ::1 is in bucket 40, so an hour-long ramp denies it; its bucket is computed from "::1", however the
        // container spells the address (Tomcat says 0:0:0:0:0:0:0:1).
        assertThat(Answers.assertDeniedByWarmgate(answer).bucket()).isEqualTo(ExpectedRamp.bucket("::1"));
        assertThat(sample.awaitStderr(line -> line.startsWith("[warmgate] peer ::1 hash "
                + ExpectedRamp.absoluteHash("::1") + " bucket 40 "), Duration.ofSeconds(5))).isPresent();
        assertThat(sample.stderrLines()).noneMatch(line -> line.contains("0:0:0:0:0:0:0:1"));
    }

    @Test
    void headRequestsAreGatedWithoutABody() {
        HttpResult denied = Exchanges.head(deniedPeer, sample.port(), path("/health"));
        HttpResult allowed = Exchanges.head(allowedPeer, sample.port(), path("/health"));

        assertThat(denied.status()).isEqualTo(503);
        assertThat(denied.header(WarmgateHeader.NAME)).hasValueSatisfying(value ->
                assertThat(value).matches(Answers.WELL_FORMED_HEADER));
        assertThat(denied.body()).isEmpty();
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("X-Sample-Health")).hasValue("app");
        assertThat(allowed.body()).isEmpty();
        Answers.assertNotTouchedByWarmgate(allowed);
    }

    @Test
    void pathParametersAndQueryStringsDoNotHideAHealthCheck() {
        for (String target : List.of(path("/health;jsessionid=0123456789ABCDEF"), path("/health?probe=lb&x=%20y"),
                path("/health;jsessionid=1?x=1"))) {
            assertGatedLikeAHealthCheck(target);
        }
        // A session id is nobody's business in a log, and not a new handler either.
        assertThat(sample.stderrLines()).noneMatch(line -> line.contains("jsessionid"));
    }

    @Test
    void aTrailingSlashIsTheSameHealthCheck() {
        assertGatedLikeAHealthCheck(healthServedWithTrailingSlash());
        assertGatedLikeAHealthCheck(path("/health/"));
    }

    @Test
    void veryLongPathsAreDecidedAndLoggedInBrief() {
        String longPrefix = "/x".repeat(LONG / 2);
        assertGatedLikeAHealthCheck(path(longPrefix + "/health"));
        assertNotGated(path("/health" + "h".repeat(LONG)));
        assertNotGated(path("/x".repeat(OVERLONG / 2) + "/health"));
        assertThat(sample.stderrLines()).filteredOn(line -> line.startsWith("[warmgate]"))
                .allSatisfy(line -> assertThat(line.length()).as(Exchanges.abbreviated(line)).isLessThan(400));
    }

    @Test
    void veryLongHeadersChangeNothing() {
        Map<String, String> longHeaders = Map.of(
                "X-Forwarded-For", "10.0.0.1, ".repeat(LONG / 10 / 2) + "10.9.9.9",
                "X-Padding", "p".repeat(LONG / 2));
        HttpResult denied = Exchanges.get(deniedPeer, sample.port(), path("/health"), longHeaders);
        HttpResult allowed = Exchanges.get(allowedPeer, sample.port(), path("/health"), longHeaders);

        // peer=remote: the socket address decides, whatever the headers say.
        assertThat(Answers.assertDeniedByWarmgate(denied).bucket()).isEqualTo(ExpectedRamp.bucket(deniedPeer));
        Answers.assertAppHealthy(allowed);
    }

    /** The rule for gated paths in the class comment. */
    private void assertGatedLikeAHealthCheck(String target) {
        HttpResult allowed = Exchanges.get(allowedPeer, sample.port(), target);
        HttpResult denied = Exchanges.get(deniedPeer, sample.port(), target);
        String shown = Exchanges.abbreviated(target);

        Answers.assertNotTouchedByWarmgate(allowed);
        if (allowed.status() == 200) {
            assertThat(Answers.assertDeniedByWarmgate(denied).bucket()).as("denied peer, %s", shown)
                    .isEqualTo(ExpectedRamp.bucket(deniedPeer));
        } else if (denied.header(WarmgateHeader.NAME).isEmpty()) {
            assertThat(denied.status()).as("denied peer, %s", shown).isEqualTo(allowed.status());
        } else {
            Answers.assertDeniedByWarmgate(denied);
        }
    }

    /** Not a health check: both peers get the application's own, identical answer. */
    private void assertNotGated(String target) {
        HttpResult allowed = Exchanges.get(allowedPeer, sample.port(), target);
        HttpResult denied = Exchanges.get(deniedPeer, sample.port(), target);

        Answers.assertNotTouchedByWarmgate(allowed);
        Answers.assertNotTouchedByWarmgate(denied);
        assertThat(denied.status()).as(Exchanges.abbreviated(target)).isEqualTo(allowed.status());
    }

    private static boolean canBind(String address) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
