package dev.finnews.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.finnews.store.dynamo.DynamoArticleStore;
import dev.finnews.store.dynamo.Retention;
import org.crac.Core;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;

/**
 * The cold-start baseline: {@link IngestServices#fromEnv} and the handler's public constructor, step for
 * step, except that both SDK clients are built the naive way (default HTTP client, region, credentials
 * and endpoint discovery). Path-style S3, as the real function uses against an emulator.
 */
public final class NaiveIngestHandler implements RequestHandler<S3Event, String> {
    private final IngestHandler delegate;

    public NaiveIngestHandler() {
        IngestLimits limits = IngestLimits.fromEnv(System.getenv());
        Clock clock = Clock.systemUTC();
        DynamoArticleStore store = new DynamoArticleStore(DynamoDbClient.create(), limits.table(),
                new Retention(limits.failureTtl(), limits.tombstoneTtl()), clock);
        S3Client s3 = S3Client.builder().forcePathStyle(true).build();
        IngestService service = new IngestService(store, new S3ObjectSource(s3), Extractor.parser(limits.maxObjectBytes()), limits, clock);
        delegate = new IngestHandler(service, System.out::println, Core.getGlobalContext());
    }

    @Override
    public String handleRequest(S3Event event, Context context) {
        return delegate.handleRequest(event, context);
    }
}
