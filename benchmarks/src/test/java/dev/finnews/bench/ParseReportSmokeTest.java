package dev.finnews.bench;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.TimeValue;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark runs and produces numbers; the real measurement is {@code -Pbench} (README "Performance"). */
class ParseReportSmokeTest {
    @Test
    void producesARatioForBothCorpora() throws Exception {
        dev.finnews.testing.Corpus.devDir(); // fails in CI, skips elsewhere, when the corpus is missing

        String report = ParseReport.run(new JmhRun(0, 0, 1, TimeValue.milliseconds(200)), 20);

        assertThat(report).containsPattern("\\| dev \\| \\d+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+× \\|")
                .containsPattern("\\| generated \\| 20 \\| ");
    }
}
