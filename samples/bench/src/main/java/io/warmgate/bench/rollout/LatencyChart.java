package io.warmgate.bench.rollout;

import java.util.List;
import java.util.Locale;

/**
 * Draws the experiment as an SVG: p99 latency per second (log scale) for every scenario on one time axis, the
 * third instance's launch marked, each scenario's first request to it marked, and below it the new instance's
 * share of the traffic. Written by hand, no charting library: a few lines and labels are all it needs.
 */
public final class LatencyChart {

    private static final int WIDTH = 1040;
    private static final int LEFT = 70;
    private static final int RIGHT = 250;
    private static final int LATENCY_TOP = 70;
    private static final int LATENCY_HEIGHT = 300;
    private static final int SHARE_TOP = LATENCY_TOP + LATENCY_HEIGHT + 60;
    private static final int SHARE_HEIGHT = 140;
    private static final int HEIGHT = SHARE_TOP + SHARE_HEIGHT + 60;

    private final List<ScenarioResult> results;
    private final String title;
    private final String subtitle;
    private final int firstSecond;
    private final int lastSecond;
    private final double minLogMs;
    private final double maxLogMs;
    /** The flow of the scenarios drawn: it names the event at t = 0 and decides what the lower panel shows. */
    private final Flow flow;
    private final double maxShare;

    /**
     * @param firstSecond the first second shown, relative to the launch (e.g. the end of the settle time)
     */
    public LatencyChart(List<ScenarioResult> results, String title, String subtitle, int firstSecond) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("nothing to draw");
        }
        this.results = List.copyOf(results);
        this.title = title;
        this.subtitle = subtitle;
        this.firstSecond = firstSecond;
        int last = firstSecond + 1;
        double smallest = Double.MAX_VALUE;
        double largest = 0;
        for (ScenarioResult result : results) {
            for (SecondStats row : result.seconds()) {
                int t = result.relative(row.second());
                if (t < firstSecond || row.requests() == 0) {
                    continue;
                }
                last = Math.max(last, t);
                smallest = Math.min(smallest, row.p99Micros() / 1000.0);
                largest = Math.max(largest, row.p99Micros() / 1000.0);
            }
        }
        this.lastSecond = last;
        this.flow = results.get(0).scenario().flow();
        this.maxShare = flow == Flow.FLEET_RESTART ? 1.0 : 0.5;
        // Whole decades, so the grid lines fall on 1, 10, 100 ms ...
        this.minLogMs = Math.floor(Math.log10(Math.max(0.1, Math.min(smallest, largest))));
        this.maxLogMs = Math.max(minLogMs + 1, Math.ceil(Math.log10(Math.max(largest, 0.2))));
    }

    public String render() {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        text(svg, LEFT, 28, title, "font-size=\"17\" font-weight=\"bold\"");
        text(svg, LEFT, 48, subtitle, "fill=\"#555\"");
        latencyPanel(svg);
        sharePanel(svg);
        legend(svg);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void latencyPanel(StringBuilder svg) {
        frame(svg, LATENCY_TOP, LATENCY_HEIGHT);
        for (double decade = minLogMs; decade <= maxLogMs; decade++) {
            double y = latencyY(Math.pow(10, decade));
            line(svg, LEFT, y, WIDTH - RIGHT, y, "#ddd", 1, null);
            text(svg, LEFT - 8, y + 4, latencyLabel(Math.pow(10, decade)), "text-anchor=\"end\"");
        }
        text(svg, 16, LATENCY_TOP + LATENCY_HEIGHT / 2.0, "p99 latency per second (log scale)",
                rotate(16, LATENCY_TOP + LATENCY_HEIGHT / 2.0));
        timeAxis(svg, LATENCY_TOP, LATENCY_HEIGHT);
        for (ScenarioResult result : results) {
            StringBuilder points = new StringBuilder();
            for (SecondStats row : result.seconds()) {
                int t = result.relative(row.second());
                if (t < firstSecond || row.requests() == 0) {
                    continue;
                }
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(t + 0.5),
                        latencyY(Math.max(row.p99Micros() / 1000.0, Math.pow(10, minLogMs)))));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\" "
                    + "points=\"%s\"/>%n", result.scenario().color(), points.toString().trim()));
            if (result.joined()) {
                double x = x(result.relative(result.firstTrafficSecond()));
                double y = LATENCY_TOP + LATENCY_HEIGHT;
                svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1f l-5 9 h10 z\" fill=\"%s\"/>%n", x, y,
                        result.scenario().color()));
            }
        }
        launchMarker(svg, LATENCY_TOP, LATENCY_HEIGHT, true);
    }

    private void sharePanel(StringBuilder svg) {
        frame(svg, SHARE_TOP, SHARE_HEIGHT);
        double step = maxShare > 0.5 ? 0.2 : 0.1;
        for (double share = 0; share <= maxShare + 1e-9; share += step) {
            double y = shareY(share);
            line(svg, LEFT, y, WIDTH - RIGHT, y, "#eee", 1, null);
            text(svg, LEFT - 8, y + 4, String.format(Locale.ROOT, "%.0f%%", share * 100), "text-anchor=\"end\"");
        }
        if (flow != Flow.FLEET_RESTART) {
            double fullShare = shareY(1.0 / 3);
            line(svg, LEFT, fullShare, WIDTH - RIGHT, fullShare, "#999", 1, "4 3");
            text(svg, WIDTH - RIGHT - 4, fullShare - 4, "full share (1/3)", "text-anchor=\"end\" fill=\"#777\"");
        }
        text(svg, 16, SHARE_TOP + SHARE_HEIGHT / 2.0, flow.shareLabel(), rotate(16, SHARE_TOP
                + SHARE_HEIGHT / 2.0));
        timeAxis(svg, SHARE_TOP, SHARE_HEIGHT);
        text(svg, LEFT + (WIDTH - LEFT - RIGHT) / 2.0, SHARE_TOP + SHARE_HEIGHT + 40,
                "seconds since: " + flow.eventLabel(), "text-anchor=\"middle\"");
        for (ScenarioResult result : results) {
            StringBuilder points = new StringBuilder();
            for (SecondStats row : result.seconds()) {
                int t = result.relative(row.second());
                if (t < firstSecond || row.requests() == 0) {
                    continue;
                }
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(t + 0.5),
                        shareY(Math.min(maxShare, lowerPanelValue(row)))));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" "
                    + "points=\"%s\"/>%n", result.scenario().color(), points.toString().trim()));
        }
        launchMarker(svg, SHARE_TOP, SHARE_HEIGHT, false);
    }

    private void legend(StringBuilder svg) {
        double x = WIDTH - RIGHT + 18;
        double y = LATENCY_TOP + 10;
        text(svg, x, y, "scenario (window p99, max)", "font-weight=\"bold\"");
        for (ScenarioResult result : results) {
            y += 22;
            line(svg, x, y - 4, x + 22, y - 4, result.scenario().color(), 3, null);
            text(svg, x + 28, y, result.scenario().title(), "");
            text(svg, x + 28, y + 14, String.format(Locale.ROOT, "p99 %s, max %s",
                    latencyLabel(result.summary().windowP99Ms()), latencyLabel(result.summary().windowMaxMs())),
                    "fill=\"#555\" font-size=\"11\"");
            y += 14;
        }
        y += 30;
        svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1f l-5 9 h10 z\" fill=\"#555\"/>%n", x + 6, y - 9));
        text(svg, x + 18, y, "first request served", "font-size=\"11\"");
        text(svg, x + 18, y + 14, "by the new instance", "font-size=\"11\"");
    }

    private void timeAxis(StringBuilder svg, int top, int height) {
        int step = lastSecond - firstSecond > 90 ? 20 : 10;
        for (int t = (int) Math.ceil(firstSecond / (double) step) * step; t <= lastSecond; t += step) {
            double x = x(t);
            line(svg, x, top + height, x, top + height + 4, "#333", 1, null);
            text(svg, x, top + height + 17, Integer.toString(t), "text-anchor=\"middle\"");
        }
    }

    private void launchMarker(StringBuilder svg, int top, int height, boolean labelled) {
        double x = x(0);
        line(svg, x, top, x, top + height, "#333", 1.2, "6 4");
        if (labelled) {
            text(svg, x + 5, top + 14, flow.eventLabel(), "fill=\"#333\"");
        }
    }

    private void frame(StringBuilder svg, int top, int height) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#333\"/>%n", LEFT, top, WIDTH - LEFT - RIGHT, height));
    }

    private double x(double second) {
        return LEFT + (second - firstSecond) * (WIDTH - LEFT - RIGHT) / (double) (lastSecond + 1 - firstSecond);
    }

    private double latencyY(double millis) {
        double fraction = (Math.log10(millis) - minLogMs) / (maxLogMs - minLogMs);
        return LATENCY_TOP + LATENCY_HEIGHT * (1 - Math.max(0, Math.min(1, fraction)));
    }

    private double shareY(double share) {
        return SHARE_TOP + SHARE_HEIGHT * (1 - share / maxShare);
    }

    /** A restart has no single instance to follow; there the lower panel shows how many requests failed. */
    private double lowerPanelValue(SecondStats row) {
        if (flow == Flow.FLEET_RESTART) {
            return row.requests() == 0 ? 0.0 : (double) row.errors() / row.requests();
        }
        return row.newInstanceShare();
    }

    static String latencyLabel(double millis) {
        if (millis >= 1000) {
            return significant(millis / 1000) + " s";
        }
        if (millis >= 1) {
            return significant(millis) + " ms";
        }
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }

    /** Three significant digits without trailing zeros: 1.5, 12.3, 100. */
    private static String significant(double value) {
        String number = String.format(Locale.ROOT, "%.3g", value);
        if (number.contains(".") && !number.contains("e")) {
            number = number.replaceFirst("0+$", "").replaceFirst("\\.$", "");
        }
        return number;
    }

    private static String rotate(double x, double y) {
        return String.format(Locale.ROOT, "text-anchor=\"middle\" transform=\"rotate(-90 %.1f %.1f)\"", x, y);
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String color,
                             double width, String dash) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-width=\"%.1f\"%s/>%n", x1, y1, x2, y2, color, width,
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
    }

    private static void text(StringBuilder svg, double x, double y, String content, String attributes) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" %s>%s</text>%n", x, y, attributes,
                escape(content)));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
