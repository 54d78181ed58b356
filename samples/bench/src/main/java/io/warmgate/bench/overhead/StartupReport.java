package io.warmgate.bench.overhead;

import io.warmgate.bench.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The start-up benchmark's tables: one row per sample and arm (medians and ranges), and every run as CSV. */
final class StartupReport {

    static final String CSV_HEADER = "sample,arm,run,millis,cpu_millis,agent_classes_before_main,"
            + "classes_before_main\n";

    private StartupReport() {
    }

    static String csvLine(StartupRun run) {
        return run.sample() + ",\"" + run.arm() + "\"," + run.run() + "," + format(run.millis(), "%.1f") + ","
                + format(run.cpuMillis(), "%.0f") + "," + run.agentClasses() + "," + run.allClasses() + "\n";
    }

    static String tableHeader() {
        return "| sample | arm | first answer (ms) | added | CPU at first answer (ms) | added CPU | agent classes"
                + " before main | all classes before main |\n|---|---|---:|---:|---:|---:|---:|---:|\n";
    }

    /**
     * The rows of one sample, one per arm in {@code arms}' order: median (min-max) of each figure, and the
     * difference of the medians to the first arm (no agent).
     */
    static String rows(String sample, List<StartupArm> arms, List<StartupRun> runs) {
        StringBuilder rows = new StringBuilder();
        Statistics.Spread baseTime = null;
        Statistics.Spread baseCpu = null;
        for (StartupArm arm : arms) {
            List<StartupRun> ofArm = new ArrayList<>();
            for (StartupRun run : runs) {
                if (run.sample().equals(sample) && run.arm().equals(arm.label())) {
                    ofArm.add(run);
                }
            }
            Statistics.Spread time = spread(ofArm, StartupRun::millis);
            Statistics.Spread cpu = spread(ofArm, StartupRun::cpuMillis);
            if (baseTime == null) {
                baseTime = time;
                baseCpu = cpu;
            }
            rows.append("| ").append(sample).append(" | ").append(arm.label()).append(" | ")
                    .append(medianAndRange(time)).append(" | ").append(added(time, baseTime)).append(" | ")
                    .append(medianAndRange(cpu)).append(" | ").append(added(cpu, baseCpu)).append(" | ")
                    .append(medianAndRange(spread(ofArm, run -> run.agentClasses()))).append(" | ")
                    .append(format(spread(ofArm, run -> run.allClasses()).median(), "%.0f")).append(" |\n");
        }
        return rows.toString();
    }

    private static Statistics.Spread spread(List<StartupRun> runs, ToDoubleFunction<StartupRun> figure) {
        return Statistics.Spread.of(runs.stream().mapToDouble(figure).toArray());
    }

    /** "174 (160-201)", or "n/a" without a value. */
    static String medianAndRange(Statistics.Spread spread) {
        if (spread.count() == 0) {
            return "n/a";
        }
        return format(spread.median(), "%.0f") + " (" + format(spread.min(), "%.0f") + "-"
                + format(spread.max(), "%.0f") + ")";
    }

    private static String added(Statistics.Spread arm, Statistics.Spread base) {
        if (arm == base) {
            return "";
        }
        return format(arm.median() - base.median(), "%+.0f");
    }

    private static String format(double value, String pattern) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, pattern, value);
    }
}
