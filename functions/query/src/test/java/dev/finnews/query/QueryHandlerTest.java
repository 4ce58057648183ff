package dev.finnews.query;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finnews.store.StoredArticle;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.finnews.query.Fixtures.article;
import static dev.finnews.query.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryHandlerTest {
    private final StoredArticle stored = article("a/b.md", "标题", "2022-05-17T11:06:04Z", List.of("金融", "新浪财经", "新浪财经－国內"));
    private final FakeArticleQueries store = new FakeArticleQueries().add(stored);
    private final QueryHandler handler = new QueryHandler(new QueryApi(store, Fixtures.config(), new ErrorLog(line -> { })));

    private static APIGatewayV2HTTPEvent event(String method, String rawPath, String rawQuery, String stage) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery)
                .withHeaders(Map.of("Origin", "https://example.com"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withStage(stage)
                        .withRequestId("abc-123")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(rawPath).build())
                        .build())
                .build();
    }

    @Test
    void answersAnHttpApiEvent() {
        APIGatewayV2HTTPResponse r = HttpApiCalls.call(handler, event("GET", "/articles", "limit=1", "$default"));
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getIsBase64Encoded()).isFalse();
        assertThat(r.getHeaders()).containsEntry("Content-Type", "application/json; charset=utf-8")
                .containsEntry("Access-Control-Allow-Origin", "*");
        assertThat(json(r.getBody()).get("items").get(0).get("id").asText()).isEqualTo(stored.article().id());
        assertThat(store.lastRequest.limit()).isEqualTo(1);
    }

    @Test
    void routesTheRawPathWithoutANamedStagePrefix() {
        APIGatewayV2HTTPResponse r = HttpApiCalls.call(handler, event("GET", "/prod/categories/%E9%87%91%E8%9E%8D/articles", "", "prod"));
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(json(r.getBody()).get("items")).hasSize(1);
    }

    @Test
    void fallsBackToDecodedParametersWhenAHandMadeEventHasNoRawQuery() {
        APIGatewayV2HTTPEvent e = event("GET", "/articles", null, "$default");
        e.setQueryStringParameters(Map.of("limit", "3", "from", "2022-05-17T19:06:04+08:00"));
        APIGatewayV2HTTPResponse r = HttpApiCalls.call(handler, e);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(store.lastRequest.limit()).isEqualTo(3);
        assertThat(store.lastRequest.from()).hasToString("2022-05-17T11:06:04Z");
    }

    @Test
    void methodIsReadFromTheRequestContext() {
        APIGatewayV2HTTPResponse r = HttpApiCalls.call(handler, event("DELETE", "/articles", "", "$default"));
        assertThat(r.getStatusCode()).isEqualTo(405);
        assertThat(r.getHeaders()).containsEntry("Allow", "GET, OPTIONS");
        assertThat(HttpApiCalls.call(handler, event("options", "/articles", "", "$default")).getStatusCode()).isEqualTo(204);
    }

    @Test
    void theEnvironmentConstructorBuildsEverythingUpFrontAndNeedsACursorSecret() {
        Map<String, String> env = Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:9",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "CURSOR_SECRET", Fixtures.SECRET);
        QueryHandler fromEnv = new QueryHandler(env);
        // Refused before any store call, so the unreachable endpoint is never contacted.
        assertThat(HttpApiCalls.call(fromEnv, event("GET", "/articles", "limit=0", "$default")).getStatusCode()).isEqualTo(400);
        Map<String, String> withoutSecret = new java.util.HashMap<>(env);
        withoutSecret.remove("CURSOR_SECRET");
        assertThatThrownBy(() -> new QueryHandler(withoutSecret)).hasMessageContaining("CURSOR_SECRET");
    }

    @Test
    void anEmptyOrMissingEventIsAnsweredNotThrown() {
        assertThat(HttpApiCalls.call(handler, null).getStatusCode()).isEqualTo(404);
        assertThat(HttpApiCalls.call(handler, new APIGatewayV2HTTPEvent()).getStatusCode()).isEqualTo(404);
    }

    @Test
    void readsTheJsonApiGatewaySendsIgnoringWhatItDoesNotUse() throws IOException {
        String event = """
                {"version":"2.0","routeKey":"$default","rawPath":"/prod/articles","rawQueryString":"limit=1",
                 "cookies":["a=b"],"headers":{"Origin":"https://example.com","X-Count":3},
                 "requestContext":{"stage":"prod","requestId":"r-1","timeEpoch":1657440000000,
                   "http":{"method":"get","path":"/prod/articles","sourceIp":"198.51.100.7"}},
                 "body":null,"isBase64Encoded":false,"unknown":{"nested":[1,2.5,true,null]}}""";
        JsonNode r = json(call(event));
        assertThat(r.get("statusCode").asInt()).as(r.toString()).isEqualTo(200);
        assertThat(r.get("headers").get("Access-Control-Allow-Origin").asText()).isEqualTo("*");
        assertThat(r.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(json(r.get("body").asText()).get("items")).hasSize(1);
        assertThat(store.lastRequest.limit()).isEqualTo(1);
    }

    @Test
    void anEventOfTheWrongShapeRoutesNowhere() throws IOException {
        assertThat(json(call("")).get("statusCode").asInt()).isEqualTo(404);
        assertThat(json(call("[1,2]")).get("statusCode").asInt()).isEqualTo(404);
        assertThat(json(call("{\"rawPath\":7,\"requestContext\":\"x\"}")).get("statusCode").asInt()).isEqualTo(404);
    }

    @Test
    void anEventThatIsNotJsonFailsTheInvocationAsTheRuntimeWould() {
        assertThatThrownBy(() -> call("{\"rawPath\":")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> call("{} {}")).isInstanceOf(IOException.class);
    }

    private String call(String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }
}
