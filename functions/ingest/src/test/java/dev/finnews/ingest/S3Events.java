package dev.finnews.ingest;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import dev.finnews.json.Json;
import dev.finnews.json.JsonTree;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** S3 event records as S3 sends them: keys form-encoded (space → {@code +}, {@code +} → {@code %2B}, UTF-8 percent-encoded). */
final class S3Events {
    private S3Events() {
    }

    static S3Event of(S3EventNotification.S3EventNotificationRecord... records) {
        return new S3Event(List.of(records));
    }

    static S3EventNotification.S3EventNotificationRecord created(String bucket, String key, String eTag, Long size,
                                                                 String sequencer) {
        return record("ObjectCreated:Put", bucket, encode(key), eTag, size, sequencer);
    }

    static S3EventNotification.S3EventNotificationRecord removed(String bucket, String key, String sequencer) {
        return record("ObjectRemoved:Delete", bucket, encode(key), null, null, sequencer);
    }

    static S3EventNotification.S3EventNotificationRecord record(String eventName, String bucket, String encodedKey,
                                                                String eTag, Long size, String sequencer) {
        S3EventNotification.S3ObjectEntity object = new S3EventNotification.S3ObjectEntity(encodedKey, size, eTag, null, sequencer);
        S3EventNotification.S3BucketEntity b = new S3EventNotification.S3BucketEntity(bucket,
                new S3EventNotification.UserIdentityEntity("owner"), "arn:aws:s3:::" + bucket);
        S3EventNotification.S3Entity s3 = new S3EventNotification.S3Entity("finnews", b, object, "1.0");
        return new S3EventNotification.S3EventNotificationRecord("us-east-1", eventName, "aws:s3", null, "2.1",
                new S3EventNotification.RequestParametersEntity("127.0.0.1"),
                new S3EventNotification.ResponseElementsEntity("id2", "requestid"), s3,
                new S3EventNotification.UserIdentityEntity("user"));
    }

    /**
     * Delivers {@code event} as Lambda does: its JSON to the handler, whose answer comes back as text.
     * A retry request propagates as the exception it is.
     */
    static String deliver(IngestHandler handler, S3Event event) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(json(event)), answer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** {@code event}'s JSON as the function parses it. */
    static Object parsed(S3Event event) {
        try {
            return JsonTree.read(new ByteArrayInputStream(json(event)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The notification S3 sends for {@code event}: every record member S3 writes, a member left out where
     * the record has none (a delete has no size or ETag). Lambda's own serialiser cannot write records
     * without a size, so the tests write the JSON themselves.
     */
    static byte[] json(S3Event event) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("Records");
            for (S3EventNotification.S3EventNotificationRecord r : event.getRecords() == null
                    ? List.<S3EventNotification.S3EventNotificationRecord>of() : event.getRecords()) {
                var object = r.getS3().getObject();
                g.writeStartObject();
                g.writeStringField("eventVersion", r.getEventVersion());
                g.writeStringField("eventSource", r.getEventSource());
                g.writeStringField("awsRegion", r.getAwsRegion());
                g.writeStringField("eventTime", "2026-01-01T00:00:00.000Z");
                g.writeStringField("eventName", r.getEventName());
                g.writeObjectFieldStart("s3");
                g.writeStringField("s3SchemaVersion", r.getS3().getS3SchemaVersion());
                g.writeStringField("configurationId", r.getS3().getConfigurationId());
                g.writeObjectFieldStart("bucket");
                g.writeStringField("name", r.getS3().getBucket().getName());
                g.writeStringField("arn", r.getS3().getBucket().getArn());
                g.writeEndObject();
                g.writeObjectFieldStart("object");
                g.writeStringField("key", object.getKey());
                if (object.getSizeAsLong() != null) {
                    g.writeNumberField("size", object.getSizeAsLong());
                }
                if (object.geteTag() != null) {
                    g.writeStringField("eTag", object.geteTag());
                }
                if (object.getSequencer() != null) {
                    g.writeStringField("sequencer", object.getSequencer());
                }
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }).getBytes(StandardCharsets.UTF_8);
    }

    /** The key as S3 writes it into an event. */
    static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8);
    }
}
