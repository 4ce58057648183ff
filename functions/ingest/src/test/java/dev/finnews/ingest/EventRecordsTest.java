package dev.finnews.ingest;

import dev.finnews.article.S3Location;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventRecordsTest {

    @Test
    void keysAreDecodedExactlyOnce() {
        List<EventRecords.Decoded> decoded = EventRecords.decode(S3Events.of(
                S3Events.record("ObjectCreated:Put", "b", "%E9%87%91%E8%9E%8D%2Fa+b%2Bc.md", "\"e1\"", 10L, "0A"),
                S3Events.record("ObjectCreated:Put", "b", "%E9%87%91%E8%9E%8D/100%25+%2525.md", "e2", 10L, "0B")));

        assertThat(decoded).containsExactly(
                new EventRecords.Decoded.Change(new ObjectChange.Created(new S3Location("b", "金融/a b+c.md"), "e1", 10L, "0A")),
                new EventRecords.Decoded.Change(new ObjectChange.Created(new S3Location("b", "金融/100% %25.md"), "e2", 10L, "0B")));
    }

    @Test
    void removalsAndCreatesOfEveryKindAreChanges() {
        List<EventRecords.Decoded> decoded = EventRecords.decode(S3Events.of(
                S3Events.record("ObjectRemoved:DeleteMarkerCreated", "b", "k.md", null, null, null),
                S3Events.record("s3:ObjectCreated:CompleteMultipartUpload", "b", "k.md", "e", 1L, " ")));

        assertThat(decoded).containsExactly(
                new EventRecords.Decoded.Change(new ObjectChange.Removed(new S3Location("b", "k.md"), null)),
                new EventRecords.Decoded.Change(new ObjectChange.Created(new S3Location("b", "k.md"), "e", 1L, null)));
    }

    @Test
    void testEventsAndOtherEventNamesAreIgnored() {
        assertThat(EventRecords.decode(new com.amazonaws.services.lambda.runtime.events.S3Event()))
                .singleElement().isInstanceOf(EventRecords.Decoded.Ignored.class);
        assertThat(EventRecords.decode(S3Events.of(
                S3Events.record("s3:TestEvent", "b", "k.md", null, null, null),
                S3Events.record("ObjectRestore:Completed", "b", "k.md", null, null, null),
                S3Events.record("ObjectCreated:Put", "b", "%E9%87%91%ZZ", null, null, null))))
                .hasSize(3).allMatch(d -> d instanceof EventRecords.Decoded.Ignored);
    }
}
