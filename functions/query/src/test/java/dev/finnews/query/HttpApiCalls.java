package dev.finnews.query;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.finnews.testing.LambdaEvents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Calls a {@link QueryHandler} as Lambda does behind an HTTP API: the event's JSON in, the response's JSON out. */
final class HttpApiCalls {
    private HttpApiCalls() {
    }

    static APIGatewayV2HTTPResponse call(QueryHandler handler, APIGatewayV2HTTPEvent event) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(LambdaEvents.json(event)), response, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LambdaEvents.read(APIGatewayV2HTTPResponse.class, response.toByteArray());
    }
}
