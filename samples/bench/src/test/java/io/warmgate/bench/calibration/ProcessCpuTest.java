package io.warmgate.bench.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void addsUserAndSystemTicksCountingFieldsAfterACommandNameWithSpacesAndParentheses() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 37 0 0 20 0 30 0";

        assertThat(ProcessCpu.parseTicks(stat)).isEqualTo(287);
        assertThat(ProcessCpu.ticksToMillis(287)).isEqualTo(2870);
        assertThatThrownBy(() -> ProcessCpu.parseTicks("garbage")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsThisJvmsOwnCpu() throws Exception {
        assertThat(ProcessCpu.millis(ProcessHandle.current().pid())).isGreaterThanOrEqualTo(0);
    }
}
