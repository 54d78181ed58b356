package io.warmgate.bench.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void parsesAllOrAListInTheGivenOrder() {
        assertThat(Scenario.parseList("all")).containsExactly(Scenario.values());
        assertThat(Scenario.parseList("agent-warmup, no-agent"))
                .containsExactly(Scenario.AGENT_WARMUP, Scenario.NO_AGENT);
        assertThatThrownBy(() -> Scenario.parseList("agent")).hasMessageContaining("haproxy-slowstart");
    }

    @Test
    void onlyTheAgentScenariosAttachTheAgentAndOnlyOneUsesSlowstart() {
        assertThat(Scenario.NO_AGENT.agent()).isFalse();
        assertThat(Scenario.HAPROXY_SLOWSTART.agent()).isFalse();
        assertThat(Scenario.HAPROXY_SLOWSTART.slowstart()).isTrue();
        assertThat(Scenario.AGENT_RAMP.agent()).isTrue();
        assertThat(Scenario.AGENT_RAMP.warmup()).isFalse();
        assertThat(Scenario.AGENT_WARMUP.warmup()).isTrue();
        assertThat(Scenario.AGENT_WARMUP.slowstart()).isFalse();
    }
}
