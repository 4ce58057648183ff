package dev.finnews.ingest;

import dev.finnews.article.S3Location;
import dev.finnews.json.JsonTree;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventRecordsTest {

    @Test
    void keysAreDecodedExactlyOnce() {
        List<EventRecords.Decoded> decoded = EventRecords.decode(S3Events.parsed(S3Events.of(
                S3Events.record("ObjectCreated:Put", "b", "%E9%87%91%E8%9E%8D%2Fa+b%2Bc.md", "\"e1\"", 10L, "0A"),
                S3Events.record("ObjectCreated:Put", "b", "%E9%87%91%E8%9E%8D/100%25+%2525.md", "e2", 10L, "0B"))));

        assertThat(decoded).containsExactly(
                new EventRecords.Decoded.Change(new ObjectChange.Created(new S3Location("b", "金融/a b+c.md"), "e1", 10L, "0A")),
                new EventRecords.Decoded.Change(new ObjectChange.Created(new S3Location("b", "金融/100% %25.md"), "e2", 10L, "0B")));
    }

    @Test
    void removalsAndCreatesOfEveryKindAreChanges() {
        List<EventRecords.Decoded> decoded = EventRecords.decode(S3Events.parsed(S3Events.of(
                S3Events.record("ObjectRemoved:DeleteMarkerCreated", "b", "k.md", null, null, null),
                S3Events.record("s3:ObjectCreated:CompleteMultipartUpload", "b", "k.md", "e", 1L, " "))));

        assertThat(decoded).containsExactly(
                new EventRecords.Decoded.Change(new ObjectChange.Removed(new S3Location("b", "k.md"), null)),
                new EventRecords.Decoded.Change(new ObjectChange.Created(new S3Location("b", "k.md"), "e", 1L, null)));
    }

    @Test
    void testEventsAndOtherEventNamesAreIgnored() {
        assertThat(EventRecords.decode(S3Events.parsed(new com.amazonaws.services.lambda.runtime.events.S3Event())))
                .singleElement().isInstanceOf(EventRecords.Decoded.Ignored.class);
        assertThat(EventRecords.decode(S3Events.parsed(S3Events.of(
                S3Events.record("s3:TestEvent", "b", "k.md", null, null, null),
                S3Events.record("ObjectRestore:Completed", "b", "k.md", null, null, null),
                S3Events.record("ObjectCreated:Put", "b", "%E9%87%91%ZZ", null, null, null)))))
                .hasSize(3).allMatch(d -> d instanceof EventRecords.Decoded.Ignored);
    }

    /** S3's own test message, and JSON of other shapes: nothing to do, nothing thrown. */
    @Test
    void eventsOfAnyOtherShapeAreIgnored() throws IOException {
        for (String json : List.of("null", "[]", "{}", "{\"Records\":7}", "{\"Records\":[null,5,{\"s3\":[]}]}",
                "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"b\"}")) {
            assertThat(EventRecords.decode(parse(json))).as(json).isNotEmpty()
                    .allMatch(d -> d instanceof EventRecords.Decoded.Ignored);
        }
    }

    /** The JSON S3 delivers, member for member (infrastructure/events holds a full one). */
    @Test
    void readsTheMembersS3Sends() throws IOException {
        String json = """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                  "eventTime":"2022-07-10T00:00:05.000Z","eventName":"ObjectCreated:Put",
                  "s3":{"s3SchemaVersion":"1.0","bucket":{"name":"up","arn":"arn:aws:s3:::up"},
                        "object":{"key":"%E9%87%91%E8%9E%8D/a+b.md","size":946,"eTag":"80b1","versionId":"v1",
                                  "sequencer":"0062CA16B5D1A3C2F0"}}}]}""";
        assertThat(EventRecords.decode(parse(json))).containsExactly(new EventRecords.Decoded.Change(
                new ObjectChange.Created(new S3Location("up", "金融/a b.md"), "80b1", 946L, "0062CA16B5D1A3C2F0")));
    }

    private static Object parse(String json) throws IOException {
        return JsonTree.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
