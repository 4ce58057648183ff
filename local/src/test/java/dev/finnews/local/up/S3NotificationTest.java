package dev.finnews.local.up;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class S3NotificationTest {
    /** What moto 5.2.1 puts on the queue for an upload of {@code 金融/a b+c.md}: form-encoded key, no sequencer. */
    private static final String PUT = """
            {"Records": [{"eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": "us-east-1",
              "eventTime": "2022-05-18T02:15:30.000Z", "eventName": "ObjectCreated:Put",
              "userIdentity": {"principalId": "AWS:AIDAEXAMPLE"},
              "requestParameters": {"sourceIPAddress": "127.0.0.1"},
              "responseElements": {"x-amz-request-id": "C3D13FE58DE4C810", "x-amz-id-2": "FMyUVURIY8"},
              "s3": {"s3SchemaVersion": "1.0", "configurationId": "finnews-ingest",
                "bucket": {"name": "articles", "ownerIdentity": {"principalId": "A3NL1KOZZKExample"},
                           "arn": "arn:aws:s3:::articles"},
                "object": {"key": "%E9%87%91%E8%9E%8D%2Fa+b%2Bc.md", "size": 1024,
                           "eTag": "0123456789abcdef0123456789abcdef", "versionId": null}}}]}""";

    @Test
    void anS3EventIsPassedOnAsTheEventLambdaWouldReceive() {
        S3Notification notification = S3Notification.of(PUT);

        assertThat(notification).isInstanceOf(S3Notification.Event.class);
        S3Notification.Event event = (S3Notification.Event) notification;
        assertThat(event.json()).isEqualTo(PUT);
    }

    @Test
    void theTestEventS3SendsWhenWiringIsRecognised() {
        String body = """
                {"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2022-05-18T02:15:30.000Z",
                 "Bucket":"articles","RequestId":"17D0A9B4","HostId":"eftixk72aD6Ap51T"}""";

        assertThat(S3Notification.of(body)).isInstanceOf(S3Notification.TestEvent.class);
    }

    @Test
    void anythingElseIsUnrecognised() {
        assertThat(S3Notification.of("hello")).isEqualTo(new S3Notification.Unrecognised("not JSON"));
        assertThat(S3Notification.of("[1,2]")).isEqualTo(new S3Notification.Unrecognised("not a JSON object"));
        assertThat(S3Notification.of("{\"Message\":\"x\"}")).isEqualTo(new S3Notification.Unrecognised("no Records"));
    }
}
