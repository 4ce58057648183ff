package dev.finnews.local.up;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class HttpApiEventsTest {
    private static final Instant NOW = Instant.parse("2022-05-18T02:15:30.123Z");

    @Test
    void theRequestBecomesThePayloadVersionTwoEventOfTheDefaultRoute() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("127.0.0.1:3000"));
        headers.put("User-agent", List.of("curl/8.0"));
        headers.put("Accept", List.of("application/json", "text/plain"));
        HttpApiEvents.Request request = new HttpApiEvents.Request("GET",
                "/categories/%E6%96%B0%E6%B5%AA%2F%E8%B4%A2%E7%BB%8F/articles", "limit=5&order=asc", "HTTP/1.1",
                headers, "127.0.0.1", new byte[0]);

        APIGatewayV2HTTPEvent event = HttpApiEvents.toEvent(request, "req-1", NOW, 3000);

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("$default");
        assertThat(event.getRawPath()).isEqualTo("/categories/%E6%96%B0%E6%B5%AA%2F%E8%B4%A2%E7%BB%8F/articles");
        assertThat(event.getRawQueryString()).isEqualTo("limit=5&order=asc");
        assertThat(event.getQueryStringParameters()).containsExactly(entry("limit", "5"), entry("order", "asc"));
        assertThat(event.getHeaders()).contains(entry("host", "127.0.0.1:3000"), entry("user-agent", "curl/8.0"),
                entry("accept", "application/json,text/plain"), entry("x-forwarded-for", "127.0.0.1"),
                entry("x-forwarded-proto", "http"), entry("x-forwarded-port", "3000"));
        assertThat(event.getHeaders()).containsKey("x-amzn-trace-id");
        assertThat(event.getHeaders().keySet()).allMatch(name -> name.equals(name.toLowerCase()));
        assertThat(event.getCookies()).isNull();
        assertThat(event.getBody()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();

        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertThat(context.getRouteKey()).isEqualTo("$default");
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getRequestId()).isEqualTo("req-1");
        assertThat(context.getTime()).isEqualTo("18/May/2022:02:15:30 +0000");
        assertThat(context.getTimeEpoch()).isEqualTo(NOW.toEpochMilli());
        assertThat(context.getDomainName()).isEqualTo("127.0.0.1:3000");
        assertThat(context.getHttp().getMethod()).isEqualTo("GET");
        assertThat(context.getHttp().getPath()).isEqualTo(event.getRawPath());
        assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getHttp().getUserAgent()).isEqualTo("curl/8.0");
    }

    @Test
    void queryParametersAreDecodedOnceAndRepeatsJoinedWithCommas() {
        assertThat(HttpApiEvents.queryParameters("symbol=601988.SH&tag=a&tag=b&q=%E4%B8%AD+%2B&flag&bad=%E4%ZZ"))
                .containsExactly(entry("symbol", "601988.SH"), entry("tag", "a,b"), entry("q", "中 +"), entry("flag", ""),
                        entry("bad", "%E4%ZZ"));
    }

    @Test
    void noQueryStringMeansAnEmptyRawQueryAndNoParameters() {
        APIGatewayV2HTTPEvent event = HttpApiEvents.toEvent(request("GET", null, Map.of(), new byte[0]), "r", NOW, 3000);

        assertThat(event.getRawQueryString()).isEmpty();
        assertThat(event.getQueryStringParameters()).isNull();
    }

    @Test
    void cookiesLeaveTheHeadersForTheirOwnField() {
        Map<String, List<String>> headers = Map.of("Cookie", List.of("a=1; b=2", "c=3"));

        APIGatewayV2HTTPEvent event = HttpApiEvents.toEvent(request("GET", null, headers, new byte[0]), "r", NOW, 3000);

        assertThat(event.getCookies()).containsExactly("a=1", "b=2", "c=3");
        assertThat(event.getHeaders()).doesNotContainKey("cookie");
    }

    @Test
    void aTextBodyPassesAsTextAndABinaryOneBase64Encoded() {
        byte[] json = "{\"q\":\"中\"}".getBytes(StandardCharsets.UTF_8);
        byte[] binary = {(byte) 0xff, 0, 1};

        APIGatewayV2HTTPEvent text = HttpApiEvents.toEvent(
                request("POST", null, Map.of("Content-Type", List.of("application/json")), json), "r", NOW, 3000);
        APIGatewayV2HTTPEvent bytes = HttpApiEvents.toEvent(
                request("POST", null, Map.of("Content-Type", List.of("application/octet-stream")), binary), "r", NOW, 3000);

        assertThat(text.getBody()).isEqualTo("{\"q\":\"中\"}");
        assertThat(text.getIsBase64Encoded()).isFalse();
        assertThat(bytes.getBody()).isEqualTo(Base64.getEncoder().encodeToString(binary));
        assertThat(bytes.getIsBase64Encoded()).isTrue();
    }

    @Test
    void theResponseKeepsStatusHeadersAndBodyAndTurnsCookiesIntoSetCookie() {
        APIGatewayV2HTTPResponse answer = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(404)
                .withHeaders(Map.of("Content-Type", "application/json; charset=utf-8"))
                .withMultiValueHeaders(Map.of("Vary", List.of("Origin", "Accept")))
                .withCookies(List.of("session=x; HttpOnly"))
                .withBody("{\"error\":\"不存在\"}")
                .build();

        HttpApiEvents.Response response = HttpApiEvents.toResponse(answer, "req-9");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).contains(entry("Content-Type", "application/json; charset=utf-8"),
                entry("Vary", "Origin"), entry("Vary", "Accept"), entry("set-cookie", "session=x; HttpOnly"),
                entry("apigw-requestid", "req-9"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"不存在\"}");
    }

    @Test
    void aBase64BodyIsDecodedAndAMissingContentTypeIsJson() {
        APIGatewayV2HTTPResponse answer = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withBody(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}))
                .withIsBase64Encoded(true)
                .build();

        HttpApiEvents.Response response = HttpApiEvents.toResponse(answer, "r");

        assertThat(response.body()).containsExactly(1, 2, 3);
        assertThat(response.headers()).contains(entry("content-type", "application/json"));
    }

    private static HttpApiEvents.Request request(String method, String query, Map<String, List<String>> headers, byte[] body) {
        return new HttpApiEvents.Request(method, "/articles", query, "HTTP/1.1", headers, "127.0.0.1", body);
    }
}
