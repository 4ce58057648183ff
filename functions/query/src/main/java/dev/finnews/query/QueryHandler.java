package dev.finnews.query;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * The Lambda entry point behind API Gateway's {@code $default} route. Thin: it translates the event,
 * lets {@link QueryApi} answer, and translates the answer back.
 */
public final class QueryHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final QueryApi api;

    QueryHandler(QueryApi api) {
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request = ApiGatewayEvents.request(event == null ? new APIGatewayV2HTTPEvent() : event);
        return ApiGatewayEvents.response(api.handle(request));
    }
}
