package io.warmgate.bench.rollout;

import java.util.List;
import java.util.Map;

/**
 * One scenario run's outcome. Seconds count from the start of the load; {@link #relative} turns them into seconds
 * since the event (launch, restart, stop), the time axis of the CSV and the chart.
 *
 * @param repetition          which repetition of the experiment (1, 2, ...)
 * @param launchSecond        when the event happened
 * @param firstTrafficSecond  first second in which the tracked instance answered a request, or -1
 * @param seconds             per-second figures, from 0 to the end of the run
 * @param nodesRoutingToNew   per sampled second, how many nodes had the tracked instance UP
 * @param nodesWithoutHealthy per sampled second, how many nodes had no healthy server
 * @param summary             the figures of the summary table
 * @param agentLog            the agent's log lines of one instance the event is about (empty without the agent)
 * @param loadAverage         /proc/loadavg before and after the run
 */
public record ScenarioResult(Scenario scenario, int repetition, int launchSecond, int firstTrafficSecond,
                             List<SecondStats> seconds, Map<Integer, Integer> nodesRoutingToNew,
                             Map<Integer, Integer> nodesWithoutHealthy, Summary summary, List<String> agentLog,
                             String loadAverage) {

    public int relative(int second) {
        return second - launchSecond;
    }

    public boolean joined() {
        return firstTrafficSecond >= 0;
    }
}
