package dev.finnews.ingest;

import dev.finnews.article.S3Location;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestHandlerTest {
    private final Fakes.Store store = new Fakes.Store();
    private final Fakes.Objects objects = new Fakes.Objects() {
        @Override
        public Fetch fetch(S3Location source, String ifMatch, long maxBytes) {
            if (source.key().equals("slow.md")) {
                throw new IllegalStateException("S3 timed out");
            }
            return super.fetch(source, ifMatch, maxBytes);
        }
    };
    private final List<String> lines = new ArrayList<>();
    private final IngestHandler handler = new IngestHandler(new IngestService(store, objects, new Fakes.Parser(),
            new IngestLimits("t", 1000, 1000, Duration.ofDays(30), Duration.ofDays(7)), Clock.systemUTC()), lines::add);

    @Test
    void everyRecordIsProcessedAndATransientProblemRaisesOnceAtTheEnd() {
        objects.put(new S3Location("b", "金融/a b+c.md"), "正文", "e1");
        objects.put(new S3Location("b", "broken.md"), "BROKEN", "e2");
        objects.put(new S3Location("b", "z.md"), "正文", "e3");

        assertThatThrownBy(() -> S3Events.deliver(handler, S3Events.of(
                S3Events.created("b", "金融/a b+c.md", "e1", 6L, "0A"),
                S3Events.created("b", "slow.md", "e9", 6L, "0A"),
                S3Events.created("b", "broken.md", "e2", 6L, "0A"),
                S3Events.created("b", "z.md", "e3", 6L, "0A"))))
                .isInstanceOf(IngestHandler.IngestRetryException.class)
                .hasMessageContaining("b/slow.md");

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("\"key\":\"金融/a b+c.md\"", "\"outcome\":\"stored\"", "\"durationMs\":");
        assertThat(lines.get(1)).contains("\"outcome\":\"retry\"", "\"reason\":\"IllegalStateException\"");
        assertThat(lines.get(2)).contains("\"outcome\":\"failed\"", "\"reason\":\"NO_FRONT_MATTER\"");
        assertThat(lines.get(3)).contains("\"outcome\":\"stored\"");
        assertThat(store.states).hasSize(3);
    }

    @Test
    void aTestEventIsLoggedAndIgnored() {
        assertThat(S3Events.deliver(handler, new com.amazonaws.services.lambda.runtime.events.S3Event()))
                .isEqualTo("{\"ignored\":1}");
        assertThat(lines).singleElement().asString().contains("\"outcome\":\"ignored\"");
    }
}
