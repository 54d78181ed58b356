package io.warmgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.warmgate.core.AgentLog;
import io.warmgate.core.RampGate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final Properties props = new Properties();
    private final Map<String, String> env = new HashMap<>();

    private ConfigResult load(String agentArgs) {
        return ConfigLoader.load(agentArgs, props, env);
    }

    private WarmgateConfig valid(String agentArgs) {
        ConfigResult result = load(agentArgs);
        assertThat(result.errors()).isEmpty();
        assertThat(result.valid()).isTrue();
        return result.config();
    }

    private String onlyError(String agentArgs) {
        ConfigResult result = load(agentArgs);
        assertThat(result.valid()).isFalse();
        assertThat(result.config()).isNull();
        assertThat(result.errors()).hasSize(1);
        return result.errors().get(0);
    }

    @Test
    void nothingConfiguredGivesTheDefaults() {
        for (String none : new String[] {null, "", "  "}) {
            ConfigResult result = load(none);
            assertThat(result.valid()).isTrue();
            assertThat(result.warnings()).isEmpty();
            WarmgateConfig config = result.config();
            assertThat(config.enabled()).isTrue();
            assertThat(config.durationNanos()).isEqualTo(60 * SECOND);
            assertThat(config.aggression()).isEqualTo(1.0);
            assertThat(config.minPercent()).isZero();
            assertThat(config.start()).isEqualTo(RampGate.StartMode.FIRST_CHECK);
            assertThat(config.paths()).isEmpty();
            assertThat(config.excludePaths()).isEmpty();
            assertThat(config.detect()).isTrue();
            assertThat(config.peerHeader()).isNull();
            assertThat(config.logLevel()).isEqualTo(AgentLog.Level.INFO);
            assertThat(config.warmupRequests()).isEmpty();
            assertThat(config.warmupFile()).isNull();
            assertThat(config.warmupConcurrency()).isEqualTo(4);
            assertThat(config.warmupRounds()).isEqualTo(3);
            assertThat(config.warmupDurationNanos()).isZero();
            assertThat(config.warmupTimeoutNanos()).isEqualTo(60 * SECOND);
            assertThat(config.warmupPort()).isZero();
            assertThat(config.warmupHeaders()).isEmpty();
            assertThat(config.warmupUnsafeMethods()).isFalse();
            assertThat(config.warmupConfigured()).isFalse();
        }
        assertThat(ConfigLoader.load(null, null, null).config().describe())
                .isEqualTo(WarmgateConfig.defaults().describe());
    }

    @Test
    void describeIsOneLineWithEveryRampSetting() {
        assertThat(WarmgateConfig.defaults().describe()).isEqualTo("duration=60s aggression=1.0 min-percent=0.0 "
                + "start=first-check peer=remote detect=true paths=[] exclude-paths=[] log=info kube-probe=pass "
                + "fail-open-after=30 spread=none drain=auto drain.quiet=5s drain.timeout=20s guard=off "
                + "warmup=off");
        WarmgateConfig config = valid("enabled=false,duration=90s,aggression=2,peer=header:X-Forwarded-For,"
                + "paths=/status;/ping,warmup.requests=GET /a;/b,warmup.headers=Authorization: Bearer secret");
        assertThat(config.describe())
                .startsWith("enabled=false duration=90s aggression=2.0 min-percent=0.0 start=first-check "
                        + "peer=header:X-Forwarded-For detect=true paths=[/status, /ping]")
                .contains("warmup.requests=[GET /a, /b]", "warmup.headers=[Authorization]", "warmup.rounds=3")
                .doesNotContain("secret")
                .doesNotContain("\n");
    }

    @Test
    void everyKeyFromTheAgentArgument() {
        WarmgateConfig config = valid(" enabled = true , duration=90s,aggression=2.5,min-percent=10%,start=immediate,"
                + "paths=/status; /ping/ ,exclude-paths=/internal/health,detect=FALSE,peer=header: X-Real-IP ,"
                + "log=DEBUG,warmup.requests=GET /api/items;HEAD /api/search?q=a;/plain,warmup.file=/etc/warm.txt,"
                + "warmup.concurrency=8,warmup.rounds=5,warmup.duration=20s,warmup.timeout=2m,warmup.port=8080,"
                + "warmup.headers=X-Warmup: true;Accept:application/json,warmup.unsafe-methods=True");
        assertThat(config.enabled()).isTrue();
        assertThat(config.durationNanos()).isEqualTo(90 * SECOND);
        assertThat(config.aggression()).isEqualTo(2.5);
        assertThat(config.minPercent()).isEqualTo(10.0);
        assertThat(config.start()).isEqualTo(RampGate.StartMode.IMMEDIATE);
        assertThat(config.paths()).containsExactly("/status", "/ping/");
        assertThat(config.excludePaths()).containsExactly("/internal/health");
        assertThat(config.detect()).isFalse();
        assertThat(config.peerHeader()).isEqualTo("X-Real-IP");
        assertThat(config.logLevel()).isEqualTo(AgentLog.Level.DEBUG);
        assertThat(config.warmupRequests()).containsExactly("GET /api/items", "HEAD /api/search?q=a", "/plain");
        assertThat(config.warmupFile()).isEqualTo("/etc/warm.txt");
        assertThat(config.warmupConcurrency()).isEqualTo(8);
        assertThat(config.warmupRounds()).isEqualTo(5);
        assertThat(config.warmupDurationNanos()).isEqualTo(20 * SECOND);
        assertThat(config.warmupTimeoutNanos()).isEqualTo(120 * SECOND);
        assertThat(config.warmupPort()).isEqualTo(8080);
        assertThat(config.warmupHeaders()).containsExactly("X-Warmup: true", "Accept:application/json");
        assertThat(config.warmupUnsafeMethods()).isTrue();
        assertThat(config.warmupConfigured()).isTrue();
    }

    @Test
    void systemPropertiesAreRead() {
        props.setProperty("warmgate.duration", "45s");
        props.setProperty("warmgate.paths", "/a;/b");
        props.setProperty("warmgate.warmup.headers", "Accept: a, b;X-Test: 1");
        props.setProperty("java.version", "17"); // not ours: ignored
        WarmgateConfig config = valid(null);
        assertThat(config.durationNanos()).isEqualTo(45 * SECOND);
        assertThat(config.paths()).containsExactly("/a", "/b");
        assertThat(config.warmupHeaders()).containsExactly("Accept: a, b", "X-Test: 1");
    }

    @Test
    void environmentVariablesAreReadWithMappedNames() {
        env.put("WARMGATE_MIN_PERCENT", "5");
        env.put("WARMGATE_WARMUP_REQUESTS", "GET /a;GET /b");
        env.put("WARMGATE_WARMUP_UNSAFE_METHODS", "true");
        env.put("WARMGATE_EXCLUDE_PATHS", "/x");
        env.put("PATH", "/usr/bin");
        ConfigResult result = load(null);
        assertThat(result.warnings()).isEmpty();
        WarmgateConfig config = result.config();
        assertThat(config.minPercent()).isEqualTo(5.0);
        assertThat(config.warmupRequests()).containsExactly("GET /a", "GET /b");
        assertThat(config.warmupUnsafeMethods()).isTrue();
        assertThat(config.excludePaths()).containsExactly("/x");
    }

    @Test
    void everyKeyHasTheDocumentedEnvironmentName() {
        assertThat(Keys.MIN_PERCENT.envName()).isEqualTo("WARMGATE_MIN_PERCENT");
        assertThat(Keys.WARMUP_REQUESTS.envName()).isEqualTo("WARMGATE_WARMUP_REQUESTS");
        assertThat(Keys.WARMUP_UNSAFE_METHODS.envName()).isEqualTo("WARMGATE_WARMUP_UNSAFE_METHODS");
        assertThat(Keys.frameworkSwitch("jax-rs").envName()).isEqualTo("WARMGATE_JAX_RS_ENABLED");
        for (Key<?> key : Keys.ALL) {
            // Any file name is acceptable for warmup.file and warmup.record; only an empty one is not.
            String bad = key == Keys.WARMUP_FILE || key == Keys.WARMUP_RECORD ? "" : "garbage value";
            env.clear();
            env.put(key.envName(), bad);
            String error = onlyError(null);
            assertThat(error).as(key.name()).startsWith("config: " + key.name() + "=" + bad + " (from environment "
                    + key.envName() + ") is not valid; expected ");
        }
    }

    @Test
    void agentArgumentBeatsSystemPropertyBeatsEnvironmentBeatsDefault() {
        env.put("WARMGATE_DURATION", "10s");
        env.put("WARMGATE_AGGRESSION", "3");
        env.put("WARMGATE_MIN_PERCENT", "7");
        props.setProperty("warmgate.duration", "20s");
        props.setProperty("warmgate.aggression", "2");
        WarmgateConfig config = valid("duration=30s");
        assertThat(config.durationNanos()).isEqualTo(30 * SECOND);
        assertThat(config.aggression()).isEqualTo(2.0);
        assertThat(config.minPercent()).isEqualTo(7.0);
        assertThat(config.start()).isEqualTo(RampGate.StartMode.FIRST_CHECK);
    }

    @Test
    void onlyTheWinningValueIsChecked() {
        env.put("WARMGATE_DURATION", "banana");
        assertThat(valid("duration=30s").durationNanos()).isEqualTo(30 * SECOND);
        props.setProperty("warmgate.duration", "soon");
        assertThat(onlyError(null)).contains("duration=soon (from -Dwarmgate.duration)");
    }

    @Test
    void listsAreSeparatedBySemicolonsAndEmptyElementsDropped() {
        assertThat(valid("paths=/a;;/b; ;/c;").paths()).containsExactly("/a", "/b", "/c");
        assertThat(valid("paths=").paths()).isEmpty();
        env.put("WARMGATE_PATHS", "/from-env");
        assertThat(valid("paths=").paths()).as("an empty list still overrides").isEmpty();
    }

    @Test
    void enabledFalseIsValid() {
        ConfigResult result = load("enabled=false");
        assertThat(result.valid()).isTrue();
        assertThat(result.config().enabled()).isFalse();
        assertThat(valid("enabled=FALSE").enabled()).isFalse();
    }

    @Test
    void theDocumentedExampleMessageForABadDuration() {
        assertThat(onlyError("duration=banana")).isEqualTo("config: duration=banana (from agent argument) is not "
                + "valid; expected a duration such as 500ms, 30s, 2m or a number of seconds");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "enabled=yes|enabled=yes|true or false",
        "duration=0s|duration=0s|more than 0 and at most 24h",
        "duration=25h|duration=25h|more than 0 and at most 24h",
        "duration=-5s|duration=-5s|a duration such as 500ms",
        "duration=|duration=|a duration such as",
        "aggression=0|aggression=0|a number greater than 0 and at most 100",
        "aggression=101|aggression=101|a number greater than 0 and at most 100",
        "aggression=fast|aggression=fast|a number greater than 0",
        "aggression=NaN|aggression=NaN|a number greater than 0",
        "aggression=1e2|aggression=1e2|a number greater than 0",
        "min-percent=101|min-percent=101|a number from 0 to 100",
        "min-percent=-1|min-percent=-1|a number from 0 to 100",
        "start=later|start=later|first-check or immediate",
        "paths=/ok;health|paths=/ok;health|paths starting with '/', separated by ';', such as /status;/ping ('health' does not start with '/')",
        "paths=/health/*|paths=/health/*|wildcards",
        "paths=/a?b=1|paths=/a?b=1|query strings",
        "exclude-paths=internal|exclude-paths=internal|does not start with '/'",
        "detect=1|detect=1|true or false",
        "peer=header:|peer=header:|remote or header:<Name>",
        "peer=header:X Forwarded|peer=header:X Forwarded|'X Forwarded' is not a valid header name",
        "peer=header:X-Fwd:1|peer=header:X-Fwd:1|not a valid header name",
        "peer=client|peer=client|remote or header:<Name>",
        "log=verbose|log=verbose|info, debug or off",
        "warmup.requests=GET api|warmup.requests=GET api|'GET api' is not of the form [METHOD] /path",
        "warmup.requests=GET /a /b|warmup.requests=GET /a /b|is not of the form",
        "warmup.file=|warmup.file=|the path of a file",
        "warmup.concurrency=0|warmup.concurrency=0|a whole number of at least 1",
        "warmup.concurrency=two|warmup.concurrency=two|a whole number of at least 1",
        "warmup.rounds=99999999999|warmup.rounds=99999999999|a whole number of at least 1",
        "warmup.duration=forever|warmup.duration=forever|a duration such as",
        "warmup.timeout=0|warmup.timeout=0|more than 0 and at most 24h",
        "warmup.port=0|warmup.port=0|a port number from 1 to 65535",
        "warmup.port=65536|warmup.port=65536|a port number from 1 to 65535",
        "warmup.headers=NoColon|warmup.headers=NoColon|is not of the form Name: value",
        "warmup.headers=: value|warmup.headers=: value|is not of the form Name: value",
        "warmup.unsafe-methods=maybe|warmup.unsafe-methods=maybe|true or false",
        "kube-probe=sometimes|kube-probe=sometimes|pass, warmup or gate",
        "fail-open-after=301|fail-open-after=301|a whole number from 0 (off) to 300",
        "fail-open-after=-1|fail-open-after=-1|a whole number from 0 (off) to 300",
        "fleet.peers=nohost|fleet.peers=nohost|such as 10.0.0.5:8080 ('nohost' has no port)",
        "fleet.peers=a:1;https://b:443/h|fleet.peers=a:1;https://b:443/h|https is not supported",
        "fleet.peers=;|fleet.peers=;|sibling instances as host:port",
        "fleet.dns=:8080|fleet.dns=:8080|a DNS name and a port",
        "fleet.dns=svc|fleet.dns=svc|a DNS name and a port",
        "fleet.dns=svc:99999|fleet.dns=svc:99999|has a port outside 1-65535",
        "fleet.timeout=1h|fleet.timeout=1h|a duration from 100ms to 30s",
        "fleet.timeout=50ms|fleet.timeout=50ms|a duration from 100ms to 30s",
        "spread=random|spread=random|none or instance",
    })
    void eachBadValueGetsOneMessageWithKeyValueSourceAndAcceptedForm(String args, String shown, String expected) {
        String error = onlyError(args);
        assertThat(error).startsWith("config: " + shown + " (from agent argument) is not valid; expected ")
                .contains(expected);
    }

    @Test
    void valuesAreTrimmedInMessagesAndParsing() {
        assertThat(valid("duration= 2m ").durationNanos()).isEqualTo(120 * SECOND);
        assertThat(onlyError("log= loud ")).startsWith("config: log=loud (from agent argument)");
    }

    @Test
    void severalBadValuesGiveSeveralErrors() {
        ConfigResult result = load("duration=x,aggression=y,start=z");
        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).hasSize(3);
    }

    @Test
    void anArgumentEntryWithoutEqualsIsAnError() {
        assertThat(onlyError("duration=30s,verbose")).isEqualTo("config: 'verbose' (from agent argument) is not "
                + "valid; expected key=value entries separated by ',', such as duration=90s,aggression=2");
        assertThat(onlyError("=5")).contains("'=5'");
        assertThat(valid("duration=30s,,log=off,").logLevel()).isEqualTo(AgentLog.Level.OFF);
    }

    @Test
    void frameworkSwitchesAreKeysOnlyForKnownFrameworks() {
        ConfigResult result = ConfigLoader.load("servlet.enabled=false,jax-rs.enabled=true", props, env,
                List.of("servlet", "jax-rs", "spring"));
        assertThat(result.warnings()).isEmpty();
        assertThat(result.config().frameworkEnabled("servlet")).isFalse();
        assertThat(result.config().frameworkEnabled("jax-rs")).isTrue();
        assertThat(result.config().frameworkEnabled("spring")).as("default").isTrue();
        assertThat(result.config().describe()).contains(" servlet.enabled=false").doesNotContain("jax-rs.enabled");
        assertThat(ConfigLoader.load("servlet.enabled=no", props, env, List.of("servlet")).errors())
                .containsExactly("config: servlet.enabled=no (from agent argument) is not valid; expected true or "
                        + "false");
        assertThat(ConfigLoader.load("grpc.enabled=false", props, env, List.of("servlet")).warnings())
                .singleElement().satisfies(w -> assertThat(w).startsWith("config: unknown key 'grpc.enabled'"));
    }

    @Test
    void deploySituationKeysHaveSafeDefaults() {
        WarmgateConfig defaults = WarmgateConfig.defaults();
        assertThat(defaults.kubeProbe()).isEqualTo(io.warmgate.core.KubeProbeMode.PASS);
        assertThat(defaults.failOpenAfter()).isEqualTo(30);
        assertThat(defaults.fleetConfigured()).isFalse();
        assertThat(defaults.spreadByInstance()).isFalse();
        assertThat(defaults.fleetTimeoutNanos()).isEqualTo(2 * SECOND);
    }

    @Test
    void deploySituationKeysAreRead() {
        WarmgateConfig config = valid("kube-probe=WARMUP,fail-open-after=0,fleet.peers=10.0.0.5:8080;"
                + "http://10.0.0.6:9000/manage/health,fleet.dns=svc-headless:8080,fleet.timeout=500ms,spread=instance,"
                + "warmup.requests=/a");
        assertThat(config.kubeProbe()).isEqualTo(io.warmgate.core.KubeProbeMode.WARMUP);
        assertThat(config.failOpenAfter()).isZero();
        assertThat(config.fleetPeers()).extracting(Object::toString).containsExactly("10.0.0.5:8080", "10.0.0.6:9000");
        assertThat(config.fleetPeers().get(1).path()).isEqualTo("/manage/health");
        assertThat(config.fleetDnsName()).isEqualTo("svc-headless");
        assertThat(config.fleetDnsPort()).isEqualTo(8080);
        assertThat(config.fleetTimeoutNanos()).isEqualTo(SECOND / 2);
        assertThat(config.spreadByInstance()).isTrue();
        assertThat(config.describe()).contains("kube-probe=warmup fail-open-after=0 spread=instance "
                + "fleet.peers=[10.0.0.5:8080, 10.0.0.6:9000] fleet.dns=svc-headless:8080 fleet.timeout=500ms");
    }

    @Test
    void settingsThatCannotTakeEffectAreWarnedAbout() {
        assertThat(load("fleet.timeout=1s").warnings()).containsExactly("config: fleet.timeout is set, but neither "
                + "fleet.peers nor fleet.dns is, so no fleet check runs and fleet.timeout has no effect");
        assertThat(load("kube-probe=warmup").warnings()).singleElement()
                .satisfies(w -> assertThat(w).startsWith("config: kube-probe=warmup holds the kubelet's probes"));
    }

    @Test
    void unknownKeysWarnWithTheClosestKnownKey() {
        props.setProperty("warmgate.duraton", "30s");
        ConfigResult result = load("aggresion=2,min_percent=5,Duration=1s,timeout=5s");
        assertThat(result.valid()).isTrue();
        assertThat(result.warnings()).containsExactlyInAnyOrder(
                "config: unknown key 'duraton' (from -Dwarmgate.duraton); did you mean 'duration'?",
                "config: unknown key 'aggresion' (from agent argument); did you mean 'aggression'?",
                "config: unknown key 'min_percent' (from agent argument); did you mean 'min-percent'?",
                "config: unknown key 'Duration' (from agent argument); did you mean 'duration'?",
                "config: unknown key 'timeout' (from agent argument); did you mean 'warmup.timeout', "
                        + "'fleet.timeout' or 'drain.timeout'?");
        assertThat(result.config().durationNanos()).isEqualTo(60 * SECOND);
    }

    @Test
    void unknownKeysWithNothingCloseListTheKnownKeys() {
        ConfigResult result = load("banana=1");
        assertThat(result.warnings()).hasSize(1);
        assertThat(result.warnings().get(0)).startsWith("config: unknown key 'banana' (from agent argument); "
                + "known keys: enabled, duration, aggression, min-percent, start, paths, exclude-paths, detect, "
                + "peer, log, warmup.requests");
    }

    @Test
    void unknownEnvironmentVariablesSuggestTheEnvironmentName() {
        env.put("WARMGATE_DURATON", "30s");
        env.put("WARMGATE_WARMUP_REQUEST", "/a");
        env.put("WARMGATE_X", "1");
        List<String> warnings = load(null).warnings();
        assertThat(warnings).containsExactly(
                "config: unknown key 'WARMGATE_DURATON' (from environment); did you mean 'WARMGATE_DURATION'?",
                "config: unknown key 'WARMGATE_WARMUP_REQUEST' (from environment); did you mean "
                        + "'WARMGATE_WARMUP_REQUESTS'?",
                warnings.get(2));
        assertThat(warnings.get(2)).startsWith("config: unknown key 'WARMGATE_X' (from environment); known keys: "
                + "WARMGATE_ENABLED, WARMGATE_DURATION");
    }

    @Test
    void aKeyGivenTwiceInTheArgumentWarnsAndTheLastWins() {
        ConfigResult result = load("duration=10s,duration=20s");
        assertThat(result.config().durationNanos()).isEqualTo(20 * SECOND);
        assertThat(result.warnings()).containsExactly(
                "config: key 'duration' appears more than once in the agent argument; the last value is used");
    }

    @Test
    void neverThrowsEvenOnHostileInput() {
        Properties hostile = new Properties() {
            @Override
            public java.util.Set<String> stringPropertyNames() {
                throw new IllegalStateException("concurrently modified");
            }
        };
        ConfigResult result = ConfigLoader.load("duration=1s", hostile, env);
        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).singleElement().asString().startsWith("config: the configuration could not be read");
        props.put("warmgate.duration", Integer.valueOf(5)); // a non-String value is skipped, not a crash
        assertThat(load(null).valid()).isTrue();
    }

    @Test
    void veryLongValuesAreShortenedInMessages() {
        String error = onlyError("duration=" + "9".repeat(5000) + "x");
        assertThat(error.length()).isLessThan(400);
        assertThat(error).contains("...");
    }

    @Test
    void listsAreUnmodifiable() {
        WarmgateConfig config = valid("paths=/a");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> config.paths().add("/b"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void drainKeysHaveDefaultsThatFitA30SecondGracePeriod() {
        WarmgateConfig defaults = WarmgateConfig.defaults();
        assertThat(defaults.drainMode()).isEqualTo(io.warmgate.core.drain.DrainMode.AUTO);
        assertThat(defaults.drainQuietNanos()).isEqualTo(5 * SECOND);
        assertThat(defaults.drainTimeoutNanos()).isEqualTo(20 * SECOND);
        assertThat(defaults.drainKubeProbes()).isTrue();

        WarmgateConfig config = valid("drain=ON,drain.quiet=1500ms,drain.timeout=1m,drain.kube-probe=pass");
        assertThat(config.drainMode()).isEqualTo(io.warmgate.core.drain.DrainMode.ON);
        assertThat(config.drainQuietNanos()).isEqualTo(1500 * SECOND / 1000);
        assertThat(config.drainTimeoutNanos()).isEqualTo(60 * SECOND);
        assertThat(config.drainKubeProbes()).isFalse();
        assertThat(config.describe()).contains(" drain=on drain.quiet=1.5s drain.timeout=60s drain.kube-probe=pass ");
        assertThat(valid("drain=off").describe()).contains(" drain=off ").doesNotContain("drain.quiet");
    }

    @Test
    void badDrainValuesTurnTheAgentOffWithOneLine() {
        assertThat(onlyError("drain=sometimes")).isEqualTo("config: drain=sometimes (from agent argument) is not "
                + "valid; expected auto, on or off");
        assertThat(onlyError("drain.quiet=soon")).startsWith("config: drain.quiet=soon (from agent argument) is not "
                + "valid; expected a duration");
        assertThat(onlyError("drain.kube-probe=gate")).endsWith("expected drain or pass");
    }

    @Test
    void drainQuietMustBeShorterThanTheTimeoutWhicheverKeyIsSet() {
        assertThat(onlyError("drain.quiet=20s")).endsWith("(it must be shorter than drain.timeout (20s), or every "
                + "drain lasts until the timeout)");
        assertThat(onlyError("drain.timeout=5s")).endsWith("(it must be longer than drain.quiet (5s), or every "
                + "drain lasts until the timeout)");
        assertThat(onlyError("drain.quiet=3s,drain.timeout=2s")).startsWith("config: drain.quiet=3s");
        valid("drain.quiet=1s,drain.timeout=4s");
    }
}
