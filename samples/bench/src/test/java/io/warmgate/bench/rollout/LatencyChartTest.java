package io.warmgate.bench.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class LatencyChartTest {

    static ScenarioResult result(Scenario scenario, long p99Micros, int firstTraffic) {
        List<SecondStats> seconds = new ArrayList<>();
        for (int second = 0; second < 40; second++) {
            boolean joined = firstTraffic >= 0 && second >= firstTraffic;
            seconds.add(new SecondStats(second, 100, 0, joined ? 33 : 0, 1_000, second > 20 ? p99Micros : 2_000,
                    p99Micros * 2));
        }
        Summary summary = new Summary(1, 2, 1.5, p99Micros / 1000.0, p99Micros / 500.0, 2.5, 4000, 0,
                ErrorCounts.NONE, firstTraffic - 20, 0.33, 0, Double.NaN);
        return new ScenarioResult(scenario, 1, 20, firstTraffic, seconds, Map.of(), Map.of(21, 0), summary,
                List.of(), "0 0 0");
    }

    @Test
    void drawsWellFormedSvgWithOneLinePerScenarioPerPanelAndTheMarkers() throws Exception {
        String svg = new LatencyChart(List.of(result(ScenarioCatalog.byKey("no-agent"), 2_500_000, 23),
                result(ScenarioCatalog.byKey("agent-ramp"), 3_000, 25)), "title <&>", "subtitle", -15).render();

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(4);
        assertThat(svg).contains("third instance launched", "no agent", "agent, ramp only", "title &lt;&amp;&gt;");
        assertThat(svg).contains("share (1/3)").doesNotContain("failed");
        // Log scale: from 1 ms (below the smallest p99, 2 ms) to 10 s (above the largest, 2.5 s).
        assertThat(svg).contains(">1 ms<", ">10 s<");
    }

    @Test
    void aRestartChartNamesItsEventAndShowsTheShareOfFailedRequestsInstead() {
        String svg = new LatencyChart(List.of(result(ScenarioCatalog.byKey("restart-no-agent"), 900_000, -1)),
                "restart", "subtitle", -15).render();

        assertThat(svg).contains("whole fleet restarted", "share of requests that failed").doesNotContain("1/3");
    }

    @Test
    void labelsLatenciesWithUnitsAndThreeSignificantDigits() {
        assertThat(LatencyChart.latencyLabel(0.25)).isEqualTo("0.25 ms");
        assertThat(LatencyChart.latencyLabel(1.5)).isEqualTo("1.5 ms");
        assertThat(LatencyChart.latencyLabel(100)).isEqualTo("100 ms");
        assertThat(LatencyChart.latencyLabel(12_345)).isEqualTo("12.3 s");
        assertThat(LatencyChart.latencyLabel(1_000)).isEqualTo("1 s");
    }
}
