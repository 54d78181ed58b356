package io.warmgate.bench.rollout;

import java.util.List;
import java.util.Map;

/**
 * One scenario's outcome. Seconds count from the start of the load; {@link #relative} turns them into seconds
 * since the third instance was launched, the time axis of the CSV and the chart.
 *
 * @param launchSecond        when the third instance was launched
 * @param firstTrafficSecond  first second in which it answered a request through HAProxy, or -1 if it never did
 * @param seconds             per-second figures, from 0 to the end of the run
 * @param nodesRoutingToNew   per second, how many nodes had the new instance UP (HAProxy's statistics)
 * @param summary             the figures of the summary table
 * @param agentLog            the agent's log lines of the joining instance (empty without the agent)
 * @param loadAverage         /proc/loadavg before and after the scenario
 */
public record ScenarioResult(Scenario scenario, int launchSecond, int firstTrafficSecond, List<SecondStats> seconds,
                             Map<Integer, Integer> nodesRoutingToNew, Summary summary, List<String> agentLog,
                             String loadAverage) {

    public int relative(int second) {
        return second - launchSecond;
    }

    public boolean joined() {
        return firstTrafficSecond >= 0;
    }
}
