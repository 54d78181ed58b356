package io.warmgate.bench.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HaproxyStatsTest {

    /** Shortened from HAProxy 2.6's real output: only the column order of the header line matters. */
    private static final String CSV = String.join("\n",
            "# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,",
            "stats,FRONTEND,,,1,1,4096,3,0,0,0,0,0,,,,,OPEN,",
            "be-node-1,warm-1,0,0,0,1,,4,0,0,,0,,0,0,0,0,UP,",
            "be-node-1,new,0,0,0,0,,0,0,0,,0,,0,0,0,0,DOWN,",
            "be-node-1,BACKEND,0,0,0,1,410,4,0,0,0,0,,0,0,0,0,UP,",
            "be-node-2,warm-1,0,0,0,1,,4,0,0,,0,,0,0,0,0,UP,",
            "be-node-2,new,0,0,0,0,,0,0,0,,0,,0,0,0,0,UP 1/3,",
            "");

    @Test
    void readsServerLinesOnlyWithTheirStatus() {
        List<HaproxyStats.ServerState> states = HaproxyStats.parse(CSV);

        assertThat(states).containsExactly(
                new HaproxyStats.ServerState("be-node-1", "warm-1", "UP"),
                new HaproxyStats.ServerState("be-node-1", "new", "DOWN"),
                new HaproxyStats.ServerState("be-node-2", "warm-1", "UP"),
                new HaproxyStats.ServerState("be-node-2", "new", "UP 1/3"));
    }

    @Test
    void countsTheNodesThatSeeAServerUpIncludingTransitionalStates() {
        List<HaproxyStats.ServerState> states = HaproxyStats.parse(CSV);

        assertThat(HaproxyStats.backendsWithServerUp(states, List.of("be-node-1", "be-node-2"), "new")).isEqualTo(1);
        assertThat(HaproxyStats.backendsWithServerUp(states, List.of("be-node-1", "be-node-2"), "warm-1"))
                .isEqualTo(2);
        assertThat(HaproxyStats.backendsWithServerUp(states, List.of("be-node-1"), "new")).isZero();
    }

    @Test
    void countsTheNodesWithoutAnyCheckedServerUpIgnoringOtherServers() {
        List<HaproxyStats.ServerState> states = List.of(
                new HaproxyStats.ServerState("be-node-1", "a", "DOWN"),
                new HaproxyStats.ServerState("be-node-1", "a-failopen", "no check"),
                new HaproxyStats.ServerState("be-node-2", "a", "UP 2/3"),
                new HaproxyStats.ServerState("be-node-3", "a", "MAINT"),
                new HaproxyStats.ServerState("be-node-3", "other", "UP"));

        assertThat(HaproxyStats.backendsWithoutServerUp(states, List.of("be-node-1", "be-node-2", "be-node-3"),
                List.of("a"))).isEqualTo(2);
        // A node that lists none of the servers has none up either.
        assertThat(HaproxyStats.backendsWithoutServerUp(states, List.of("be-node-4"), List.of("a"))).isEqualTo(1);
    }

    @Test
    void rejectsSomethingThatIsNotTheCsv() {
        assertThatThrownBy(() -> HaproxyStats.parse("<html>Statistics Report</html>"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
