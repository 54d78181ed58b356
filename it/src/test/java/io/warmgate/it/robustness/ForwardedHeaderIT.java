package io.warmgate.it.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.it.support.AgentLog;
import io.warmgate.it.support.Answers;
import io.warmgate.it.support.ExpectedRamp;
import io.warmgate.testkit.HttpResult;
import io.warmgate.testkit.SampleProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code peer=header:X-Forwarded-For}: the load-balancer node is the header's last entry, in canonical form
 * (IPv4-mapped IPv6 is the IPv4 node, IPv6 is written as RFC 5952). A missing or malformed header falls back to
 * the socket address, with one warning for all such checks together. All from one socket peer in a bucket an
 * hour-long ramp keeps denied, so whenever the header decides, the answer shows it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardedHeaderIT {

    private static final String HEADER = "X-Forwarded-For";
    private static final String NO_USABLE_HEADER = "[warmgate] WARN a health check had no usable " + HEADER + " header";

    private final String socketPeer = Peers.deniedDuringLongRamp(1).get(0);
    private SampleProcess sample;
    private int markers;

    @BeforeAll
    void startWithThePeerInTheHeader() {
        sample = RobustnessSamples.withAgent(RobustnessSamples.jettyJar(), "jetty-forwarded-header",
                "duration=1h,peer=header:" + HEADER);
    }

    @AfterAll
    void stopSample() {
        RobustnessSamples.stopAll(sample);
    }

    @Test
    void ipv4MappedAndIpv6SpellingsNameTheSamePeer() {
        assertThat(bucketFor("10.1.2.3")).isEqualTo(ExpectedRamp.bucket("10.1.2.3"));
        assertThat(bucketFor("::ffff:10.1.2.3")).isEqualTo(ExpectedRamp.bucket("10.1.2.3"));
        assertThat(bucketFor("::FFFF:0a01:0203")).isEqualTo(ExpectedRamp.bucket("10.1.2.3"));
        assertThat(bucketFor("203.0.113.9, 10.1.2.3")).as("the last entry is the nearest hop")
                .isEqualTo(ExpectedRamp.bucket("10.1.2.3"));
        for (String spelling : List.of("2001:db8::1", "2001:DB8:0:0:0:0:0:1", "[2001:db8::1]:443",
                "for=\"[2001:db8::1]:443\";proto=https", "2001:db8::1%eth0")) {
            assertThat(bucketFor(spelling)).as(spelling).isEqualTo(ExpectedRamp.bucket("2001:db8::1"));
        }

        List<String> lines = flushedLines();
        assertThat(peerLinesOf(lines, "10.1.2.3")).as("agent log\n%s", lines).hasSize(1);
        assertThat(peerLinesOf(lines, "2001:db8::1")).as("agent log\n%s", lines).hasSize(1);
        assertThat(lines).noneMatch(line -> line.contains("::ffff") || line.contains("2001:DB8")
                || line.contains("0:0:0:0"));
    }

    @Test
    void aHeaderPeerInBucketZeroIsAllowedWhateverTheSocketSays() {
        String allowed = Peers.allowedFromTheStart(1).get(0);
        Answers.assertAppHealthy(check(Map.of(HEADER, "198.51.100.7, " + allowed)));
    }

    @Test
    void missingOrMalformedHeadersFallBackToTheSocketWithOneWarning() {
        List<Map<String, String>> unusable = List.of(
                Map.of(),
                Map.of(HEADER, ""),
                Map.of(HEADER, "unknown"),
                Map.of(HEADER, "10.1.2"),
                Map.of(HEADER, "999.1.1.1"),
                Map.of(HEADER, "010.1.2.3"),
                Map.of(HEADER, "::ffff:999.1.1.1"),
                Map.of(HEADER, "10.1.2.3:99999"),
                Map.of(HEADER, "2001:db8::1::2"),
                Map.of(HEADER, "<script>alert(1)</script>"),
                Map.of(HEADER, "10.1.2.3, "),
                Map.of(HEADER, "for=unknown;proto=https"),
                Map.of(HEADER, "x".repeat(6_000)));
        for (Map<String, String> headers : unusable) {
            HttpResult answer = check(headers);
            assertThat(Answers.assertDeniedByWarmgate(answer).bucket()).as("%s", headers.toString().length() > 100
                    ? "a 6000-character header" : headers).isEqualTo(ExpectedRamp.bucket(socketPeer));
        }

        List<String> lines = flushedLines();
        assertThat(lines).filteredOn(line -> line.startsWith(NO_USABLE_HEADER)).as("agent log\n%s", lines)
                .singleElement().asString().contains("using the socket address " + socketPeer)
                .hasSizeLessThan(400);
    }

    private int bucketFor(String headerValue) {
        return Answers.assertDeniedByWarmgate(check(Map.of(HEADER, headerValue))).bucket();
    }

    private HttpResult check(Map<String, String> headers) {
        return Exchanges.get(socketPeer, sample.port(), "/health", headers);
    }

    private static List<AgentLog.PeerLine> peerLinesOf(List<String> lines, String peer) {
        return new AgentLog(lines).peerLines().stream().filter(line -> line.peer().equals(peer)).toList();
    }

    /** All agent lines so far: a check from a never-seen header peer is logged, and everything before it too. */
    private List<String> flushedLines() {
        String marker = "192.0.2." + ++markers;
        check(Map.of(HEADER, marker));
        sample.awaitStderr(line -> line.startsWith("[warmgate] peer " + marker + " "), Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("no log line for the marker peer " + marker));
        return new AgentLog(sample.stderrLines()).lines();
    }
}
