package dev.finnews.query;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.finnews.json.Json;
import dev.finnews.json.JsonTree;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Translates between API Gateway's HTTP API events (payload format 2.0, as JSON) and the API's own
 * request/response. Only the members the API uses are read; anything else in the event is ignored.
 */
final class ApiGatewayEvents {
    private static final String DEFAULT_STAGE = "$default";

    private ApiGatewayEvents() {
    }

    /** The request an event describes; {@code event} is the parsed JSON (an empty event routes nowhere). */
    static HttpRequest request(Object event) {
        Map<String, Object> e = JsonTree.object(event);
        Map<String, Object> context = JsonTree.object(e, "requestContext");
        Map<String, Object> http = JsonTree.object(context, "http");
        String method = JsonTree.string(http, "method");
        String rawPath = JsonTree.string(e, "rawPath");
        String rawQuery = JsonTree.string(e, "rawQueryString");
        return new HttpRequest(method == null ? "" : method.toUpperCase(Locale.ROOT),
                withoutStage(rawPath != null ? rawPath : JsonTree.string(http, "path"), JsonTree.string(context, "stage")),
                rawQuery != null ? rawQuery : encode(JsonTree.object(e, "queryStringParameters")),
                lowerCaseNames(JsonTree.object(e, "headers")),
                JsonTree.string(context, "requestId"));
    }

    /** Writes the response in the shape API Gateway expects back from the function. */
    static void write(HttpResponse response, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (JsonGenerator g = Json.generator(writer)) {
            g.writeStartObject();
            g.writeNumberField("statusCode", response.status());
            g.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> h : response.headers().entrySet()) {
                g.writeStringField(h.getKey(), h.getValue());
            }
            g.writeEndObject();
            g.writeStringField("body", response.body());
            g.writeBooleanField("isBase64Encoded", false);
            g.writeEndObject();
        }
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
    private static String encode(Map<String, Object> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value == null ? "" : value.toString(), StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static Map<String, String> lowerCaseNames(Map<String, Object> headers) {
        Map<String, String> lower = new HashMap<>();
        headers.forEach((name, value) -> {
            if (value instanceof String s) {
                lower.put(name.toLowerCase(Locale.ROOT), s);
            }
        });
        return lower;
    }
}
