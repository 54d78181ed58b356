package io.warmgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The start line writes numbers exactly as Double.toString would, whole ones without loading it. */
class DescribedNumberTest {

    @Test
    void writesEveryNumberAsDoubleToStringDoes() {
        for (double value : new double[] {0.0, 1.0, 2.0, 100.0, 2.5, 0.1, 99.99, 1e6, 9_999_999.0, 1e7, 3e10,
                -0.0, -1.0}) {
            assertThat(WarmgateConfig.number(value)).as("%s", value).isEqualTo(Double.toString(value));
        }
    }
}
