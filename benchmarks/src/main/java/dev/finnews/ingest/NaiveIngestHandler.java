package dev.finnews.ingest;

import dev.finnews.store.dynamo.DynamoArticleStore;
import dev.finnews.store.dynamo.Retention;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;

/**
 * The cold-start baseline: the function as it is usually written. The typed handler of
 * {@link TypedIngestHandler}, over {@link IngestServices#fromEnv} step for step, except that both SDK
 * clients are built the naive way (default HTTP client, region, credentials and endpoint discovery).
 * Path-style S3, as the real function uses against an emulator.
 */
public final class NaiveIngestHandler extends TypedIngestHandler {
    public NaiveIngestHandler() {
        super(naiveService());
    }

    private static IngestService naiveService() {
        IngestLimits limits = IngestLimits.fromEnv(System.getenv());
        Clock clock = Clock.systemUTC();
        DynamoArticleStore store = new DynamoArticleStore(DynamoDbClient.create(), limits.table(),
                new Retention(limits.failureTtl(), limits.tombstoneTtl()), clock);
        S3Client s3 = S3Client.builder().forcePathStyle(true).build();
        return new IngestService(store, new S3ObjectSource(s3), Extractor.parser(limits.maxObjectBytes()), limits, clock);
    }
}
