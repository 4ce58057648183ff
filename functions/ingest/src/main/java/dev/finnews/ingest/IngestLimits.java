package dev.finnews.ingest;

import java.time.Duration;
import java.util.Map;

/**
 * The ingest settings from the environment, with their defaults.
 *
 * @param table           {@code FINNEWS_TABLE}
 * @param maxObjectBytes  {@code FINNEWS_MAX_OBJECT_BYTES}: larger objects are not downloaded (failure TOO_LARGE)
 * @param maxTextBytes    {@code FINNEWS_MAX_TEXT_BYTES}: stored text is cut to this many UTF-8 bytes
 * @param failureTtl      {@code FINNEWS_FAILURE_TTL_DAYS}
 * @param tombstoneTtl    {@code FINNEWS_TOMBSTONE_TTL_DAYS}
 */
public record IngestLimits(String table, int maxObjectBytes, int maxTextBytes, Duration failureTtl, Duration tombstoneTtl) {
    public static final String DEFAULT_TABLE = "finnews-articles";

    public IngestLimits {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("FINNEWS_TABLE is blank");
        }
        if (maxObjectBytes < 1 || maxTextBytes < 1) {
            throw new IllegalArgumentException("size limits must be positive");
        }
    }

    public static IngestLimits fromEnv(Map<String, String> env) {
        return new IngestLimits(
                env.getOrDefault("FINNEWS_TABLE", DEFAULT_TABLE),
                positive(env, "FINNEWS_MAX_OBJECT_BYTES", 5 * 1024 * 1024),
                positive(env, "FINNEWS_MAX_TEXT_BYTES", 100_000),
                Duration.ofDays(positive(env, "FINNEWS_FAILURE_TTL_DAYS", 30)),
                Duration.ofDays(positive(env, "FINNEWS_TOMBSTONE_TTL_DAYS", 7)));
    }

    private static int positive(Map<String, String> env, String name, int fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be positive: " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + raw, e);
        }
    }
}
