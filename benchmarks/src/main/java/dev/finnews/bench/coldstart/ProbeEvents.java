package dev.finnews.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The events a probe run sends: what S3 and API Gateway would deliver. */
final class ProbeEvents {
    private ProbeEvents() {
    }

    /**
     * {@code hello} → an empty map; {@code s3 BUCKET KEY ETAG SIZE SEQUENCER} → an ObjectCreated:Put record
     * with the key form-encoded as S3 sends it; {@code http RAW_PATH [RAW_QUERY]} → a payload 2.0 GET.
     */
    static Object build(String kind, String[] args) {
        return switch (kind) {
            case "hello" -> Map.of();
            case "s3" -> s3Put(args[0], args[1], args[2], Long.parseLong(args[3]), args[4]);
            case "http" -> httpGet(args[0], args.length > 1 ? args[1] : "");
            default -> throw new IllegalArgumentException("unknown event kind " + kind);
        };
    }

    static boolean succeeded(Object response) {
        return !(response instanceof APIGatewayV2HTTPResponse r) || r.getStatusCode() < 400;
    }

    private static S3Event s3Put(String bucket, String key, String eTag, long size, String sequencer) {
        String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8);
        var object = new S3EventNotification.S3ObjectEntity(encoded, size, eTag, null, sequencer);
        var bucketEntity = new S3EventNotification.S3BucketEntity(bucket,
                new S3EventNotification.UserIdentityEntity("probe"), "arn:aws:s3:::" + bucket);
        var s3 = new S3EventNotification.S3Entity("probe", bucketEntity, object, "1.0");
        var record = new S3EventNotification.S3EventNotificationRecord("us-east-1", "ObjectCreated:Put", "aws:s3",
                "2026-01-01T00:00:00.000Z", "2.1", new S3EventNotification.RequestParametersEntity("127.0.0.1"),
                new S3EventNotification.ResponseElementsEntity("probe", "probe"), s3,
                new S3EventNotification.UserIdentityEntity("probe"));
        return new S3Event(List.of(record));
    }

    private static APIGatewayV2HTTPEvent httpGet(String rawPath, String rawQuery) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery)
                .withHeaders(Map.of("host", "probe", "user-agent", "probe"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("probe")
                        .withRouteKey("$default")
                        .withStage("$default")
                        .withTimeEpoch(System.currentTimeMillis())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET").withPath(rawPath).withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1").withUserAgent("probe").build())
                        .build())
                .build();
    }
}
