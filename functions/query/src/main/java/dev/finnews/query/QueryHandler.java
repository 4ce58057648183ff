package dev.finnews.query;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.finnews.store.aws.AwsSettings;
import dev.finnews.store.dynamo.DynamoArticleStore;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;

/**
 * The Lambda entry point behind API Gateway's {@code $default} route. Thin: it translates the event,
 * lets {@link QueryApi} answer, and translates the answer back. Configuration is read and the
 * DynamoDB client built once per instance, in the constructor (Lambda's init phase), never per request;
 * with SnapStart on, {@link SnapStartPriming} warms the request path before the snapshot.
 */
public final class QueryHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
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

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request = ApiGatewayEvents.request(event == null ? new APIGatewayV2HTTPEvent() : event);
        return ApiGatewayEvents.response(api.handle(request));
    }
}
