package dev.finnews.local.lambda;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {
    @Test
    void theReportLineHasLambdasFieldsAndLayout() {
        String line = Report.line("4f1c-9a", 12.345, 987.6);

        assertThat(line).matches("REPORT RequestId: 4f1c-9a\tDuration: 12\\.35 ms\tBilled Duration: 13 ms\t"
                + "Max Memory Used: [1-9][0-9]* MB\tInit Duration: 987\\.60 ms");
    }

    @Test
    void initDurationCountsFromTheStartOfTheJvm() {
        assertThat(Report.millisSinceJvmStart()).isPositive();
    }
}
