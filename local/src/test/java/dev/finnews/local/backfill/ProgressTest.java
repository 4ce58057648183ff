package dev.finnews.local.backfill;

import dev.finnews.ingest.Outcome;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {
    @Test
    void theTallySummaryKeepsItsOrder() {
        Tally tally = new Tally();
        tally.add(new Outcome.Stored("a"));
        tally.add(new Outcome.Stored("b"));
        tally.add(new Outcome.Unchanged("c", "same version"));
        tally.add(new Outcome.Failed("d", "NO_FRONT_MATTER", "no front matter"));
        tally.add(new Outcome.Stale("e", "object replaced"));
        tally.addError();

        assertThat(tally.summary()).isEqualTo("stored=2 unchanged=1 failed=2 stale=1");
        assertThat(tally.done()).isEqualTo(6);
    }

    @Test
    void onATerminalTheBarShowsCountRateAndTotals() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Progress progress = new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), true, () -> 5L,
                () -> "stored=5")) {
            progress.listed(10);
            assertThat(progress.status()).matches("\\[#{15}\\.{15}] 5/10\\+  [0-9.]+/s  stored=5");
            progress.listingDone();
            progress.note("failed  a.md: EMPTY");
            assertThat(progress.status()).startsWith("[###############...............] 5/10 ");
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("failed  a.md: EMPTY\n").endsWith("stored=5\n");
    }

    @Test
    void elsewhereProgressIsPlainLines() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(err, true, StandardCharsets.UTF_8), false, () -> 3L, () -> "stored=3");
        progress.listed(3);
        progress.listingDone();

        assertThat(progress.status()).matches("3 of 3 objects, [0-9.]+/s, stored=3");
        progress.close();
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
    }
}
