package dev.finnews.ingest;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;

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

    /** The key as S3 writes it into an event. */
    static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8);
    }
}
