package dev.finnews.ingest;

import dev.finnews.store.aws.AwsSettings;
import dev.finnews.store.dynamo.DynamoArticleStore;
import dev.finnews.store.dynamo.Retention;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Builds the real {@link IngestService} (S3, DynamoDB, the parser) from an environment map; for the handler and the local runner. */
public final class IngestServices {
    private IngestServices() {
    }

    public static IngestService fromEnv(Map<String, String> env) {
        return fromEnv(env, List.of());
    }

    public static IngestService fromEnv(Map<String, String> env, List<ExecutionInterceptor> interceptors) {
        IngestLimits limits = IngestLimits.fromEnv(env);
        AwsSettings aws = AwsSettings.fromEnv(env).withInterceptors(interceptors);
        DynamoDbClient ddb = aws.configure(DynamoDbClient.builder()).build();
        // path-style addressing when an emulator's endpoint is set: it answers on one host name
        S3Client s3 = aws.configure(S3Client.builder()).forcePathStyle(aws.endpoint().isPresent()).build();
        Clock clock = Clock.systemUTC();
        DynamoArticleStore store = new DynamoArticleStore(ddb, limits.table(),
                new Retention(limits.failureTtl(), limits.tombstoneTtl()), clock);
        return new IngestService(store, new S3ObjectSource(s3), Extractor.parser(limits.maxObjectBytes()), limits, clock);
    }
}
