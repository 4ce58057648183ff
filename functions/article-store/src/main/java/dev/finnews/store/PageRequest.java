package dev.finnews.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One page's worth of a list.
 *
 * @param limit  1 to {@link #MAX_LIMIT} items
 * @param order  time order
 * @param from   inclusive lower time bound, or null
 * @param to     inclusive upper time bound, or null
 * @param after  where the previous page stopped, or null for the first page
 */
public record PageRequest(int limit, SortOrder order, Instant from, Instant to, PageToken after) {
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
        Objects.requireNonNull(order, "order");
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from is after to");
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, SortOrder.DESC, null, null, null);
    }

    public PageRequest next(PageToken token) {
        return new PageRequest(limit, order, from, to, token);
    }
}
