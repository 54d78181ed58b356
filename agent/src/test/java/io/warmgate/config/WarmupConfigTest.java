package io.warmgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The warmup.* keys: what each accepts on its own, and the combinations that are refused or have no effect. */
class WarmupConfigTest {

    private final Properties props = new Properties();
    private final Map<String, String> env = new HashMap<>();

    private ConfigResult load(String agentArgs) {
        return ConfigLoader.load(agentArgs, props, env);
    }

    private String onlyError(String agentArgs) {
        ConfigResult result = load(agentArgs);
        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).hasSize(1);
        return result.errors().get(0);
    }

    @Test
    void unsafeMethodsAreAConfigurationErrorUnlessAllowed() {
        assertThat(onlyError("warmup.requests=GET /a;POST /orders")).isEqualTo("config: warmup.requests=GET /a;POST "
                + "/orders (from agent argument) is not valid; expected requests such as GET /api/items, separated "
                + "by ';' (the method is optional and defaults to GET) ('POST /orders' uses POST; only GET and HEAD "
                + "are sent unless warmup.unsafe-methods=true)");
        assertThat(onlyError("warmup.requests=delete /cache")).contains("'delete /cache' uses DELETE");
        assertThat(load("warmup.requests=GET /a;POST /orders,warmup.unsafe-methods=true").valid()).isTrue();
        assertThat(load("warmup.requests=get /a;head /b;/c").valid()).isTrue();
    }

    @Test
    void theSwitchCanComeFromAnotherSource() {
        env.put("WARMGATE_WARMUP_UNSAFE_METHODS", "true");
        assertThat(load("warmup.requests=PUT /a").valid()).isTrue();
        props.setProperty("warmgate.warmup.unsafe-methods", "false");
        assertThat(onlyError("warmup.requests=PUT /a")).contains("only GET and HEAD are sent");
    }

    @Test
    void aDurationMustLeaveRoomBeforeTheTimeout() {
        assertThat(onlyError("warmup.requests=/a,warmup.duration=60s")).isEqualTo("config: warmup.duration=60s (from "
                + "agent argument) is not valid; expected a duration such as 500ms, 30s, 2m or a number of seconds "
                + "(it must be shorter than warmup.timeout (60s), or the warm-up always times out)");
        assertThat(load("warmup.requests=/a,warmup.duration=90s,warmup.timeout=2m").valid()).isTrue();
    }

    @Test
    void requestTargetsAndHeadersAreCheckedForWhatTheyWouldDoOnTheWire() {
        assertThat(onlyError("warmup.requests=/caf\u00e9")).contains("not printable ASCII");
        assertThat(onlyError("warmup.requests=/a#b")).contains("contains '#'");
        assertThat(onlyError("warmup.headers=Connection: keep-alive"))
                .contains("header Connection is set by warmgate itself");
        env.put("WARMGATE_WARMUP_HEADERS", "Accept: a;X-Token: abc\ndef");
        String error = onlyError(null);
        assertThat(error).startsWith("config: warmup.headers=Accept: ***;X-Token: *** (from environment "
                + "WARMGATE_WARMUP_HEADERS)").contains("the value of header X-Token contains a control or non-ASCII "
                + "character").doesNotContain("abc");
    }

    @Test
    void concurrencyIsBounded() {
        assertThat(load("warmup.requests=/a,warmup.concurrency=256").config().warmupConcurrency()).isEqualTo(256);
        assertThat(onlyError("warmup.concurrency=257")).contains("a whole number of at least 1 and at most 256");
    }

    @Test
    void settingsWithoutAWarmUpWarnThatTheyDoNothing() {
        ConfigResult result = load("warmup.concurrency=8,warmup.port=8080");
        assertThat(result.valid()).isTrue();
        assertThat(result.warnings()).containsExactly(
                "config: warmup.concurrency is set, but none of warmup.requests, warmup.file and warmup.record is, "
                        + "so no warm-up runs and warmup.concurrency has no effect",
                "config: warmup.port is set, but none of warmup.requests, warmup.file and warmup.record is, so no "
                        + "warm-up runs and warmup.port has no effect");
        assertThat(load("warmup.requests=/a,warmup.rounds=2,warmup.duration=5s").warnings()).containsExactly(
                "config: warmup.rounds has no effect because warmup.duration is set; rounds are sent until "
                        + "warmup.duration has passed");
        assertThat(load("warmup.requests=/a,warmup.concurrency=2,warmup.rounds=2").warnings()).isEmpty();
    }

    @Test
    void recordingKeysAreTypedAndWarnWithoutARecording() {
        ConfigResult result = load("warmup.record=/tmp/w.txt,warmup.record.lines=50,warmup.record.interval=30s,"
                + "warmup.record.drop-query=true,warmup.record.secret-params=SSN;card_no,warmup.concurrency=2");
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).as("a recording is a warm-up source").isEmpty();
        WarmgateConfig config = result.config();
        assertThat(config.warmupConfigured()).isTrue();
        assertThat(config.warmupRecord()).isEqualTo("/tmp/w.txt");
        assertThat(config.warmupRecordLines()).isEqualTo(50);
        assertThat(config.warmupRecordIntervalNanos()).isEqualTo(30_000_000_000L);
        assertThat(config.warmupRecordDropQuery()).isTrue();
        assertThat(config.warmupRecordSecretParams()).containsExactly("ssn", "card_no");
        assertThat(config.describe()).contains(" warmup.record=/tmp/w.txt warmup.record.lines=50 "
                + "warmup.record.interval=30s warmup.record.drop-query=true warmup.record.secret-params=[ssn, card_no]");

        assertThat(load("warmup.record.lines=50").warnings()).containsExactly("config: warmup.record.lines is set, "
                + "but warmup.record is not, so nothing is recorded and warmup.record.lines has no effect");
        assertThat(onlyError("warmup.record.lines=2001")).contains("a whole number from 1 to 2000");
        assertThat(onlyError("warmup.record.interval=500ms")).contains("at least 1s and at most 24h");
        assertThat(onlyError("warmup.record.secret-params=api key")).contains("'api key' is not a word");
    }
}
