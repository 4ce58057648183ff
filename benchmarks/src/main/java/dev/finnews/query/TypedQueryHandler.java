package dev.finnews.query;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.finnews.store.aws.AwsSettings;
import dev.finnews.store.dynamo.DynamoArticleStore;
import org.crac.Core;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The query function written as a typed {@code RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>},
 * the usual way: the runtime maps the event onto the {@code aws-lambda-java-events} classes before the
 * call and the response back after it. With the shipped DynamoDB client, it measures what reading the
 * event's JSON directly saves; {@link NaiveQueryHandler} adds the default client. Constructor work as
 * the real handler's (configuration, store, API, SnapStart hook registered).
 */
public class TypedQueryHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final QueryApi api;
    // Held here, as the real handler holds it: a CRaC context may keep its resources only weakly.
    private final SnapStartPriming priming;

    public TypedQueryHandler() {
        this(AwsSettings.fromEnv(System.getenv()).configure(DynamoDbClient.builder()).build());
    }

    TypedQueryHandler(DynamoDbClient dynamoDb) {
        QueryConfig config = QueryConfig.fromEnv(System.getenv());
        api = new QueryApi(new DynamoArticleStore(dynamoDb, config.table()), config);
        priming = new SnapStartPriming(api);
        Core.getGlobalContext().register(priming);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Map<String, String> headers = new HashMap<>();
        event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        HttpResponse response = api.handle(new HttpRequest(event.getRequestContext().getHttp().getMethod(), event.getRawPath(),
                event.getRawQueryString(), headers, event.getRequestContext().getRequestId()));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }
}
