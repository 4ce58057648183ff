package dev.finnews.bench;

import dev.finnews.bench.coldstart.ColdStartReport;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One round of the cold-start measurement runs end to end against moto; the real run is {@code -Pbench}. */
class ColdStartReportIT {
    @Test
    void measuresEveryVariantFromTheShippedZips() throws Exception {
        String report = ColdStartReport.run(Path.of(System.getProperty("finnews.root", "..")), 1);

        assertThat(report).containsPattern("\\| hello world \\| \\d+ \\|")
                .containsPattern("\\| ingest( \\| \\d+){6} \\| ingest \\(naive\\) \\| [\\d.]+× \\| [\\d.]+× \\|")
                .containsPattern("\\| query( \\| \\d+){6} \\| query \\(naive\\) \\| [\\d.]+× \\| [\\d.]+× \\|")
                .containsPattern("\\| ingest \\(deflated jars\\)( \\| \\d+){6} \\| ingest \\(naive\\) \\| [\\d.]+× \\| [\\d.]+× \\|")
                .containsPattern("\\| query \\(deflated jars\\)( \\| \\d+){6} \\| query \\(naive\\) \\| [\\d.]+× \\| [\\d.]+× \\|")
                .containsPattern("\\| ingest \\(typed handler\\)( \\| \\d+){6} \\| ingest \\(naive\\) \\| [\\d.]+× \\| [\\d.]+× \\|")
                .containsPattern("\\| query \\(typed handler\\)( \\| \\d+){6} \\| query \\(naive\\) \\| [\\d.]+× \\| [\\d.]+× \\|")
                .containsPattern("\\| ingest \\(SnapStart-primed\\)( \\| \\d+){6} \\| ingest \\| [\\d.]+× \\| [\\d.]+× \\|")
                .containsPattern("\\| query \\(SnapStart-primed\\)( \\| \\d+){6} \\| query \\| [\\d.]+× \\| [\\d.]+× \\|")
                .containsPattern("ingest after SnapStart priming: first invoke \\d+ ms \\(CPU \\d+ ms\\) .* [\\d.]+× \\(CPU [\\d.]+×\\)")
                .containsPattern("query after SnapStart priming: first invoke \\d+ ms \\(CPU \\d+ ms\\) .* [\\d.]+× \\(CPU [\\d.]+×\\)")
                .containsPattern("\\| ingest\\.zip \\| \\d+ \\|")
                .containsPattern("\\| query\\.zip \\| \\d+ \\|");
    }
}
