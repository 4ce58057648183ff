package dev.finnews.store.dynamo;

import java.time.Duration;
import java.util.Objects;

/**
 * How long DynamoDB keeps what expires by TTL: failure entries (and the marker of a key that never
 * parsed) and delete tombstones.
 */
public record Retention(Duration failures, Duration tombstones) {
    public static final Retention DEFAULT = new Retention(Duration.ofDays(30), Duration.ofDays(7));

    public Retention {
        Objects.requireNonNull(failures, "failures");
        Objects.requireNonNull(tombstones, "tombstones");
        if (failures.isNegative() || failures.isZero() || tombstones.isNegative() || tombstones.isZero()) {
            throw new IllegalArgumentException("retention must be positive");
        }
    }
}
