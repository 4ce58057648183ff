package dev.finnews.store;

import java.util.Map;

/**
 * Where a page stopped: the store's own position (DynamoDB's {@code LastEvaluatedKey} as strings).
 * Opaque to callers; the query API signs it into a cursor. A store given a token it did not make
 * throws {@link IllegalArgumentException}.
 */
public record PageToken(Map<String, String> position) {
    public PageToken {
        position = Map.copyOf(position);
    }
}
