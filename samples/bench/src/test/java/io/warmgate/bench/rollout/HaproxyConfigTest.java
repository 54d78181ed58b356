package io.warmgate.bench.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HaproxyConfigTest {

    private final HaproxyConfig config = new HaproxyConfig(
            List.of(new HaproxyConfig.LbNode("node-1", "127.0.0.2", 20001),
                    new HaproxyConfig.LbNode("node-2", "127.0.0.3", 20002)),
            List.of(new HaproxyConfig.Instance("warm-1", 30001), new HaproxyConfig.Instance("new", 30003)),
            "/shop/health", Duration.ofMillis(500), null, false, true, 20000);

    @Test
    void eachNodeHasItsOwnFrontendAndABackendThatConnectsFromTheNodesAddress() {
        String cfg = config.render();

        assertThat(cfg).contains("frontend fe-node-1\n    bind 127.0.0.1:20001\n    default_backend be-node-1\n");
        assertThat(cfg).contains("frontend fe-node-2\n    bind 127.0.0.1:20002\n    default_backend be-node-2\n");
        assertThat(cfg).contains("default-server check inter 500ms source 127.0.0.2\n"
                + "    server warm-1 127.0.0.1:30001\n    server new 127.0.0.1:30003\n");
        assertThat(cfg).contains("default-server check inter 500ms source 127.0.0.3\n");
    }

    @Test
    void healthChecksTheSamplesHealthPathAndNamesTheServerInEveryResponse() {
        String cfg = config.render();

        assertThat(cfg).contains("option httpchk GET /shop/health\n");
        assertThat(cfg).contains("http-response set-header X-Served-By %[srv_name]\n");
        assertThat(cfg).contains("frontend stats\n    bind 127.0.0.1:20000\n");
    }

    @Test
    void retriesAreOnUnlessTurnedOff() {
        assertThat(config.render()).contains("    retries 2\n    option redispatch\n");
        assertThat(config.withRetries(false).render()).contains("    retries 0\n").doesNotContain("redispatch")
                .doesNotContain("retries 2");
    }

    @Test
    void slowstartIsOnlyThereWhenAsked() {
        assertThat(config.render()).doesNotContain("slowstart");
        assertThat(config.withSlowstart(Duration.ofSeconds(60)).render())
                .contains("source 127.0.0.2 slowstart 60000ms\n")
                .contains("source 127.0.0.3 slowstart 60000ms\n");
    }

    @Test
    void failOpenListsEveryInstanceAgainAsAnUncheckedBackupUsedWhenNoCheckedServerIsUp() {
        String cfg = config.withFailOpen(true).render();

        assertThat(config.render()).doesNotContain("backup").doesNotContain("allbackups");
        assertThat(cfg).contains("    balance roundrobin\n    option allbackups\n");
        assertThat(cfg).contains("    server new 127.0.0.1:30003\n"
                + "    # Fail open: used only while no server above is healthy; never health-checked.\n"
                + "    server warm-1-failopen 127.0.0.1:30001 backup no-check\n"
                + "    server new-failopen 127.0.0.1:30003 backup no-check\n");
        assertThat(config.withFailOpen(true).checkedServerNames()).containsExactly("warm-1", "new");
    }
}
