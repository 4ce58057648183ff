package dev.finnews.query;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.finnews.json.JsonTree;
import dev.finnews.store.aws.AwsSettings;
import dev.finnews.store.dynamo.DynamoArticleStore;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The Lambda entry point behind API Gateway's {@code $default} route. Thin: it reads the event's
 * JSON, lets {@link QueryApi} answer, and writes the answer back. It takes the event as bytes (a
 * {@link RequestStreamHandler}) because the runtime's reflective mapping onto event classes would cost
 * a cold start about 200 ms of CPU (docs/performance.md). Configuration is read and the
 * DynamoDB client built once per instance, in the constructor (Lambda's init phase), never per request;
 * with SnapStart on, {@link SnapStartPriming} warms the request path before the snapshot.
 */
public final class QueryHandler implements RequestStreamHandler {
    private final QueryApi api;
    // Held here: a CRaC context may keep its resources only weakly.
    private final SnapStartPriming priming;

    /** What Lambda calls: configuration from the process environment. */
    public QueryHandler() {
        this(System.getenv());
    }

    /** For the local runner and tests: configuration from {@code env} (see {@link QueryConfig}, {@link AwsSettings}). */
    public QueryHandler(Map<String, String> env) {
        this(env, AwsSettings.fromEnv(env));
    }

    /** With explicit AWS settings, e.g. carrying a call-counting interceptor. */
    QueryHandler(Map<String, String> env, AwsSettings aws) {
        this(env, aws, Core.getGlobalContext());
    }

    /** Registers the priming with {@code checkpoints}, the runtime's global CRaC context outside tests. */
    QueryHandler(Map<String, String> env, AwsSettings aws, org.crac.Context<Resource> checkpoints) {
        QueryConfig config = QueryConfig.fromEnv(env);
        DynamoDbClient dynamoDb = aws.configure(DynamoDbClient.builder()).build();
        this.api = new QueryApi(new DynamoArticleStore(dynamoDb, config.table()), config);
        this.priming = new SnapStartPriming(api);
        checkpoints.register(priming);
    }

    /** Over a given API, registered with no checkpoint context. */
    QueryHandler(QueryApi api) {
        this.api = api;
        this.priming = new SnapStartPriming(api);
    }

    /** What a SnapStart checkpoint runs. */
    SnapStartPriming priming() {
        return priming;
    }

    /** An event that is not JSON is an invocation API Gateway never makes: it fails as the runtime would fail it. */
    @Override
    public void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        ApiGatewayEvents.write(api.handle(ApiGatewayEvents.request(JsonTree.read(event))), response);
    }
}
