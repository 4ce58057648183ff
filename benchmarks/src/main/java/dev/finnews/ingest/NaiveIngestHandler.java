package dev.finnews.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.finnews.store.dynamo.DynamoArticleStore;
import dev.finnews.store.dynamo.Retention;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;

/**
 * The cold-start baseline: the same ingest work built the naive way, with default SDK clients (default
 * HTTP client, region and credential discovery). Path-style S3 only so it can reach the emulator.
 */
public final class NaiveIngestHandler implements RequestHandler<S3Event, String> {
    private final IngestHandler delegate;

    public NaiveIngestHandler() {
        IngestLimits limits = IngestLimits.fromEnv(System.getenv());
        DynamoArticleStore store = new DynamoArticleStore(DynamoDbClient.create(), limits.table(), Retention.DEFAULT, Clock.systemUTC());
        S3Client s3 = S3Client.builder().forcePathStyle(true).build();
        IngestService service = new IngestService(store, new S3ObjectSource(s3), Extractor.parser(limits.maxObjectBytes()),
                limits, Clock.systemUTC());
        delegate = new IngestHandler(service, System.out::println);
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        return delegate.handleRequest(event, context);
    }
}
