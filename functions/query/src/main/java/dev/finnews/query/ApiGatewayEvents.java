package dev.finnews.query;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Translates between API Gateway's HTTP API events (payload format 2.0) and the API's own request/response. */
final class ApiGatewayEvents {
    private static final String DEFAULT_STAGE = "$default";

    private ApiGatewayEvents() {
    }

    static HttpRequest request(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = context == null ? null : context.getHttp();
        String method = http == null || http.getMethod() == null ? "" : http.getMethod().toUpperCase(Locale.ROOT);
        String path = event.getRawPath() != null ? event.getRawPath() : http == null ? null : http.getPath();
        return new HttpRequest(method,
                withoutStage(path, context == null ? null : context.getStage()),
                event.getRawQueryString() != null ? event.getRawQueryString() : encode(event.getQueryStringParameters()),
                lowerCaseNames(event.getHeaders()),
                context == null ? null : context.getRequestId());
    }

    static APIGatewayV2HTTPResponse response(HttpResponse response) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }

    /** On a named stage the raw path starts with {@code /stage}; the routes do not. */
    private static String withoutStage(String path, String stage) {
        if (path == null || stage == null || stage.isEmpty() || DEFAULT_STAGE.equals(stage)) {
            return path;
        }
        String prefix = "/" + stage;
        if (path.equals(prefix)) {
            return "/";
        }
        return path.startsWith(prefix + "/") ? path.substring(prefix.length()) : path;
    }

    /** Hand-made events may carry only the decoded parameters; encode them back so they are decoded once. */
    private static String encode(Map<String, String> parameters) {
        if (parameters == null) {
            return "";
        }
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static Map<String, String> lowerCaseNames(Map<String, String> headers) {
        Map<String, String> lower = new HashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null && value != null) {
                    lower.put(name.toLowerCase(Locale.ROOT), value);
                }
            });
        }
        return lower;
    }
}
