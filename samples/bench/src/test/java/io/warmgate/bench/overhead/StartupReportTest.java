package io.warmgate.bench.overhead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupReportTest {

    @Test
    void givesMedianRangeAndTheDifferenceToTheArmWithoutAgent() {
        List<StartupArm> arms = List.of(new StartupArm("no agent", null), new StartupArm("warmgate", null));
        List<StartupRun> runs = List.of(
                new StartupRun("tomcat", "no agent", 1, 1000, 1500, 0, 900),
                new StartupRun("tomcat", "no agent", 2, 1100, 1600, 0, 902),
                new StartupRun("tomcat", "no agent", 3, 1200, Double.NaN, 0, 904),
                new StartupRun("tomcat", "warmgate", 1, 1090, 1700, 60, 1000),
                new StartupRun("tomcat", "warmgate", 2, 1180, 1800, 62, 1010),
                new StartupRun("tomcat", "warmgate", 3, 1300, 1900, 61, 1020),
                new StartupRun("jetty", "warmgate", 1, 1, 1, 1, 1));

        String rows = StartupReport.rows("tomcat", arms, runs);

        assertThat(rows.lines()).containsExactly(
                "| tomcat | no agent | 1100 (1000-1200) |  | 1550 (1500-1600) |  | 0 (0-0) | 902 |",
                "| tomcat | warmgate | 1180 (1090-1300) | +80 | 1800 (1700-1900) | +250 | 61 (60-62) | 1010 |");
    }

    @Test
    void writesOneCsvLinePerRunWithTheArmQuoted() {
        assertThat(StartupReport.csvLine(new StartupRun("jetty", "empty premain", 4, 512.34, Double.NaN, 1, 700)))
                .isEqualTo("jetty,\"empty premain\",4,512.3,n/a,1,700\n");
    }
}
