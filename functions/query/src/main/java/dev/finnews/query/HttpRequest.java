package dev.finnews.query;

import java.util.Map;
import java.util.Objects;

/**
 * A request as the API sees it, independent of API Gateway's event classes.
 *
 * @param method    upper-case HTTP method
 * @param rawPath   the path exactly as sent, still percent-encoded, without any stage prefix
 * @param rawQuery  the query string exactly as sent, without {@code ?}; empty when there is none
 * @param headers   request headers, names in lower case
 * @param requestId the API Gateway request id, for logs; may be empty
 */
public record HttpRequest(String method, String rawPath, String rawQuery, Map<String, String> headers, String requestId) {
    public HttpRequest {
        method = Objects.requireNonNullElse(method, "");
        rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        rawQuery = Objects.requireNonNullElse(rawQuery, "");
        headers = Map.copyOf(headers);
        requestId = Objects.requireNonNullElse(requestId, "");
    }

    /** A GET without headers: what most tests need. */
    public static HttpRequest get(String rawPath, String rawQuery) {
        return new HttpRequest("GET", rawPath, rawQuery, Map.of(), "");
    }
}
