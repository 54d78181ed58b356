package io.warmgate.bench;

import java.util.Arrays;
import java.util.Collection;

/** Medians and ranges over repeated measurements; NaN values (a figure a run could not produce) are left out. */
public final class Statistics {

    private Statistics() {
    }

    /** The median, the mean of the two middle values for an even count; NaN when there is no value. */
    public static double median(double... values) {
        double[] sorted = Arrays.stream(values).filter(value -> !Double.isNaN(value)).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static double median(Collection<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Median, smallest and largest of repeated measurements of one figure. */
    public record Spread(double median, double min, double max, int count) {

        public static Spread of(double... values) {
            double[] present = Arrays.stream(values).filter(value -> !Double.isNaN(value)).toArray();
            if (present.length == 0) {
                return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
            }
            return new Spread(Statistics.median(present), Arrays.stream(present).min().getAsDouble(),
                    Arrays.stream(present).max().getAsDouble(), present.length);
        }

        public static Spread of(Collection<Double> values) {
            return of(values.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
