package io.warmgate.bench.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioCatalogTest {

    @Test
    void parsesAllGroupsAndKeysInCatalogOrderWithoutDuplicates() {
        assertThat(ScenarioCatalog.parse("all")).isEqualTo(ScenarioCatalog.ALL);
        assertThat(ScenarioCatalog.parse("agent-warmup, no-agent")).extracting(Scenario::key)
                .containsExactly("no-agent", "agent-warmup");
        assertThat(ScenarioCatalog.parse("fail-open,failopen-agent")).extracting(Scenario::key)
                .containsExactly("failopen-no-agent", "failopen-agent", "failopen-agent-peers");
        assertThatThrownBy(() -> ScenarioCatalog.parse("agent")).hasMessageContaining("fleet-restart")
                .hasMessageContaining("haproxy-slowstart");
        assertThatThrownBy(() -> ScenarioCatalog.parse(" , ")).hasMessageContaining("no scenario");
    }

    @Test
    void keysAreUniqueAndEveryGroupStartsWithItsNoAgentBaselineAndKeepsOneFlow() {
        assertThat(new HashSet<>(ScenarioCatalog.ALL.stream().map(Scenario::key).toList()))
                .hasSize(ScenarioCatalog.ALL.size());
        for (String group : ScenarioCatalog.groups()) {
            List<Scenario> inGroup = ScenarioCatalog.ALL.stream().filter(s -> s.group().equals(group)).toList();
            assertThat(inGroup.get(0).withAgent()).as(group).isFalse();
            assertThat(inGroup.get(0).lb().slowstart()).as(group).isFalse();
            assertThat(inGroup).as(group).extracting(Scenario::sampleProperties)
                    .containsOnly(inGroup.get(0).sampleProperties());
            assertThat(inGroup).as(group).extracting(Scenario::flow).containsOnly(inGroup.get(0).flow());
            assertThat(inGroup).as(group).extracting(s -> s.lb().failOpen()).containsOnly(inGroup.get(0).lb().failOpen());
            assertThat(inGroup).as(group).extracting(s -> s.lb().retries()).containsOnly(inGroup.get(0).lb().retries());
        }
    }

    @Test
    void theIssueTenScenariosDifferOnlyInTheirAgentArguments() {
        assertThat(ScenarioCatalog.byKey("restart-agent-spread").agent().extra()).isEqualTo("spread=instance");
        assertThat(ScenarioCatalog.byKey("restart-agent-peers").agent().fleetPeers()).isTrue();
        assertThat(ScenarioCatalog.byKey("failopen-agent-peers").agent().fleetPeers()).isTrue();
        assertThat(ScenarioCatalog.byKey("failopen-no-agent").lb().failOpen()).isTrue();
        assertThat(ScenarioCatalog.byKey("haproxy-slowstart").lb().slowstart()).isTrue();
        assertThat(ScenarioCatalog.byKey("agent-warmup").agent().warmup()).isTrue();
        assertThat(ScenarioCatalog.byKey("agent-recorded").agent().recordedWarmup()).isTrue();
        assertThat(ScenarioCatalog.byKey("agent-recorded").agent().warmup()).isFalse();
        assertThat(ScenarioCatalog.byKey("stop-noretry-agent").lb().retries()).isFalse();
        assertThat(ScenarioCatalog.byKey("stop-agent").lb().retries()).isTrue();
        // The restart groups run at the sample's own cold cost (see RESTART_COLD_COST); the join at the experiment's.
        assertThat(ScenarioCatalog.byKey("failopen-agent").sampleProperties())
                .containsEntry("sample.catalog.cost-factor", "1");
        assertThat(ScenarioCatalog.byKey("agent-ramp").sampleProperties()).isEmpty();
    }

    @Test
    void theGuardScenariosDifferOnlyInTheGuardSwitch() {
        for (String cost : List.of("4", "8")) {
            Scenario off = ScenarioCatalog.byKey("guard" + cost + "-off");
            Scenario on = ScenarioCatalog.byKey("guard" + cost + "-on");
            assertThat(off.agent().extra()).isEqualTo("guard=off");
            assertThat(on.agent().extra()).isEqualTo("guard=on");
            assertThat(on.agent().warmup()).isFalse();
            assertThat(on.sampleProperties()).isEqualTo(off.sampleProperties())
                    .containsEntry("sample.catalog.cost-factor", cost);
            assertThat(on.flow()).isEqualTo(Flow.JOIN);
        }
        assertThat(ScenarioCatalog.parse("guard-cost4")).extracting(Scenario::key)
                .containsExactly("guard4-no-agent", "guard4-off", "guard4-on", "guard4-p99");
        assertThat(ScenarioCatalog.byKey("guard4-p99").agent().extra()).isEqualTo("guard.p99=10ms");
    }
}
