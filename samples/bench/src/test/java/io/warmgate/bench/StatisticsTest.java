package io.warmgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void medianOfOddAndEvenCountsIgnoringOrderAndMissingValues() {
        assertThat(Statistics.median(5, 1, 3)).isEqualTo(3);
        assertThat(Statistics.median(4, 1, 3, 2)).isEqualTo(2.5);
        assertThat(Statistics.median(7, Double.NaN, 1)).isEqualTo(4);
        assertThat(Statistics.median()).isNaN();
        assertThat(Statistics.median(List.of(10.0, 30.0, 20.0))).isEqualTo(20);
    }

    @Test
    void spreadGivesMedianRangeAndCountOfThePresentValues() {
        Statistics.Spread spread = Statistics.Spread.of(212, 132, 705, Double.NaN);

        assertThat(spread.median()).isEqualTo(212);
        assertThat(spread.min()).isEqualTo(132);
        assertThat(spread.max()).isEqualTo(705);
        assertThat(spread.count()).isEqualTo(3);
        assertThat(Statistics.Spread.of(Double.NaN).count()).isZero();
    }
}
