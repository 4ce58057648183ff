package dev.finnews.query;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.finnews.store.dynamo.DynamoArticleStore;
import org.crac.Core;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cold-start baseline: the handler's public constructor step for step (configuration, store, API,
 * SnapStart hook registered), except that the DynamoDB client is a default {@code DynamoDbClient.create()}.
 */
public final class NaiveQueryHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final QueryHandler delegate;

    public NaiveQueryHandler() {
        QueryConfig config = QueryConfig.fromEnv(System.getenv());
        delegate = new QueryHandler(new QueryApi(new DynamoArticleStore(DynamoDbClient.create(), config.table()), config));
        Core.getGlobalContext().register(delegate.priming());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return delegate.handleRequest(event, context);
    }
}
