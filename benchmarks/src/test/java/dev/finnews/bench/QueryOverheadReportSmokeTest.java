package dev.finnews.bench;

import dev.finnews.bench.query.QueryOverheadReport;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.TimeValue;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark runs every route and produces percentiles; the real measurement is {@code -Pbench}. */
class QueryOverheadReportSmokeTest {
    @Test
    void reportsPercentilesForEveryRoute() throws Exception {
        String report = QueryOverheadReport.run(new JmhRun(0, 0, 1, TimeValue.milliseconds(100)));

        assertThat(report.lines().filter(l -> l.startsWith("| `/"))).hasSize(9)
                .allMatch(l -> l.matches("\\| `[^`]+` \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\|"));
    }
}
