package dev.finnews.local.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaJsonTest {
    @Test
    void readsAnHttpApiEventAsTheRuntimeDoes() {
        APIGatewayV2HTTPEvent event = LambdaJson.read(APIGatewayV2HTTPEvent.class, """
                {"version":"2.0","routeKey":"$default","rawPath":"/stocks/sh601988/articles","rawQueryString":"limit=2",
                 "headers":{"accept":"application/json"},"queryStringParameters":{"limit":"2"},
                 "requestContext":{"http":{"method":"GET","path":"/stocks/sh601988/articles","protocol":"HTTP/1.1",
                   "sourceIp":"127.0.0.1","userAgent":"curl"},"requestId":"abc=","routeKey":"$default","stage":"$default",
                   "timeEpoch":1652840130000},
                 "isBase64Encoded":false}""");

        assertThat(event.getRawPath()).isEqualTo("/stocks/sh601988/articles");
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
        assertThat(event.getRequestContext().getTimeEpoch()).isEqualTo(1652840130000L);
        assertThat(event.getQueryStringParameters()).containsEntry("limit", "2");
    }

    @Test
    void writesResponsesAsTheRuntimeDoes() {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200).withHeaders(Map.of("content-type", "application/json")).withBody("{}").build();

        assertThat(LambdaJson.write(response)).contains("\"statusCode\":200", "\"body\":\"{}\"");
        assertThat(LambdaJson.write("{\"stored\":1}")).isEqualTo("\"{\\\"stored\\\":1}\"");
        assertThat(LambdaJson.write(null)).isEqualTo("null");
    }
}
