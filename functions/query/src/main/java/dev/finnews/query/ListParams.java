package dev.finnews.query;

import dev.finnews.store.PageRequest;
import dev.finnews.store.PageToken;
import dev.finnews.store.SortOrder;

import java.time.Instant;

/**
 * The query parameters every list takes: {@code limit} (1–100, default 20), {@code order}
 * ({@code desc} default, {@code asc}), {@code cursor}, and on ranged routes {@code from}/{@code to}
 * (inclusive; see {@link BeijingTime}).
 *
 * @param cursor the opaque cursor as sent, or null for the first page
 */
record ListParams(int limit, SortOrder order, Instant from, Instant to, String cursor) {

    static ListParams read(Route route, QueryString query) {
        int limit = query.single("limit", ErrorCode.INVALID_LIMIT).map(ListParams::limit).orElse(PageRequest.DEFAULT_LIMIT);
        SortOrder order = query.single("order", ErrorCode.INVALID_ORDER).map(ListParams::order).orElse(SortOrder.DESC);
        Instant from = null;
        Instant to = null;
        if (route.ranged()) {
            from = query.single("from", ErrorCode.INVALID_DATE).map(BeijingTime::lowerBound).orElse(null);
            to = query.single("to", ErrorCode.INVALID_DATE).map(BeijingTime::upperBound).orElse(null);
            if (from != null && to != null && from.isAfter(to)) {
                throw new ApiException(ErrorCode.INVALID_RANGE, "'from' (" + from + ") is after 'to' (" + to + ")");
            }
        }
        String cursor = query.single("cursor", ErrorCode.INVALID_CURSOR).orElse(null);
        return new ListParams(limit, order, from, to, cursor);
    }

    /** The scope a cursor for this list is bound to. */
    ListScope scope(Route route, String lookup) {
        return new ListScope(route, lookup, order, from, to);
    }

    PageRequest request(PageToken after) {
        return new PageRequest(limit, order, from, to, after);
    }

    private static int limit(String s) {
        if (!s.matches("[1-9]\\d{0,2}") || Integer.parseInt(s) < 1 || Integer.parseInt(s) > PageRequest.MAX_LIMIT) {
            throw new ApiException(ErrorCode.INVALID_LIMIT,
                    "'limit' must be a whole number from 1 to " + PageRequest.MAX_LIMIT + ", not " + Echo.quote(s));
        }
        return Integer.parseInt(s);
    }

    private static SortOrder order(String s) {
        return switch (s) {
            case "asc" -> SortOrder.ASC;
            case "desc" -> SortOrder.DESC;
            default -> throw new ApiException(ErrorCode.INVALID_ORDER, "'order' must be 'asc' or 'desc', not " + Echo.quote(s));
        };
    }
}
