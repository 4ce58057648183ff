package dev.finnews.query;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.finnews.store.aws.AwsSettings;
import dev.finnews.store.dynamo.DynamoArticleStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;

/**
 * The Lambda entry point behind API Gateway's {@code $default} route. Thin: it translates the event,
 * lets {@link QueryApi} answer, and translates the answer back. Configuration is read and the
 * DynamoDB client built once per instance, in the constructor (Lambda's init phase), never per request.
 */
public final class QueryHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final QueryApi api;

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
        QueryConfig config = QueryConfig.fromEnv(env);
        DynamoDbClient dynamoDb = aws.configure(DynamoDbClient.builder()).build();
        this.api = new QueryApi(new DynamoArticleStore(dynamoDb, config.table()), config);
    }

    QueryHandler(QueryApi api) {
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request = ApiGatewayEvents.request(event == null ? new APIGatewayV2HTTPEvent() : event);
        return ApiGatewayEvents.response(api.handle(request));
    }
}
