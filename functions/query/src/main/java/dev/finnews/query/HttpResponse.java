package dev.finnews.query;

import java.util.Map;

/** A response as the API builds it; {@code body} is empty for 204. */
public record HttpResponse(int status, Map<String, String> headers, String body) {
    public HttpResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** A header by name, ignoring case, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }
}
