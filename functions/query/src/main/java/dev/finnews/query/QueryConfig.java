package dev.finnews.query;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * What the query function reads from its environment.
 *
 * @param table         {@code FINNEWS_TABLE}, default {@code finnews-articles}
 * @param cursorSecret  {@code CURSOR_SECRET}, required: the HMAC key for cursors, at least 16 bytes
 * @param allowedOrigin {@code FINNEWS_ALLOWED_ORIGIN}, default {@code *}: sent as {@code Access-Control-Allow-Origin}
 */
public record QueryConfig(String table, byte[] cursorSecret, String allowedOrigin) {
    public static final String DEFAULT_TABLE = "finnews-articles";
    static final int MIN_SECRET_BYTES = 16;

    public QueryConfig {
        Objects.requireNonNull(table, "table");
        cursorSecret = cursorSecret.clone();
        if (cursorSecret.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("CURSOR_SECRET must be set to at least " + MIN_SECRET_BYTES
                    + " bytes (cursors are signed with it)");
        }
        Objects.requireNonNull(allowedOrigin, "allowedOrigin");
        if (allowedOrigin.isBlank() || allowedOrigin.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalStateException("FINNEWS_ALLOWED_ORIGIN must be '*' or one origin such as https://example.com");
        }
    }

    public static QueryConfig fromEnv(Map<String, String> env) {
        return new QueryConfig(
                nonBlank(env.get("FINNEWS_TABLE"), DEFAULT_TABLE),
                env.getOrDefault("CURSOR_SECRET", "").getBytes(StandardCharsets.UTF_8),
                nonBlank(env.get("FINNEWS_ALLOWED_ORIGIN"), "*").strip());
    }

    @Override
    public byte[] cursorSecret() {
        return cursorSecret.clone();
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
