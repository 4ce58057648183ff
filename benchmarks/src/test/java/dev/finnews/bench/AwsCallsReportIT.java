package dev.finnews.bench;

import dev.finnews.bench.calls.AwsCallsReport;
import dev.finnews.testing.Corpus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-operation AWS call counts over the whole dev corpus stay within the budgets of issues 3 and 4. */
class AwsCallsReportIT {
    @Test
    void everyOperationStaysWithinItsBudget() throws Exception {
        String report = AwsCallsReport.run(Corpus.devDir());

        assertThat(report)
                .containsPattern("\\| ingest: new article \\| 35 \\| [\\d.]+ / 1 \\| [\\d.]+ / [12] \\|")
                .containsPattern("\\| ingest: duplicate delivery \\| 35 \\| 0\\.00 / 0 \\| [\\d.]+ / 1 \\|")
                .containsPattern("\\| ingest: unchanged, no sequencer \\| 35 \\| [\\d.]+ / [01] \\| [\\d.]+ / 1 \\|")
                .containsPattern("\\| ingest: delete \\| 35 \\| 0\\.00 / 0 \\| [\\d.]+ / [12] \\|");
        assertThat(report.lines().filter(l -> l.startsWith("| query:")))
                .isNotEmpty()
                .allMatch(l -> l.matches("\\| query: .* \\| \\d+ \\| 0\\.00 / 0 \\| 1\\.00 / 1 \\| 1 DynamoDB \\|"));
    }
}
