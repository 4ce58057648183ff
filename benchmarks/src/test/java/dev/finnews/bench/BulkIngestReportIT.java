package dev.finnews.bench;

import dev.finnews.bench.ingest.BulkIngestReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A small bulk ingest runs end to end against moto and every stored article is listed; the real run is {@code -Pbench}. */
class BulkIngestReportIT {
    @Test
    void ingestsGeneratedFilesAndListsEveryStoredArticle() throws Exception {
        String report = BulkIngestReport.run(30);

        assertThat(report).containsPattern("\\| 30 \\| [\\d.]+ \\| \\{stored=30} \\| \\d+ \\| [\\d.]+ \\|")
                .containsPattern("\\| 30 of 30 \\|");
    }
}
