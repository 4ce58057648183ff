package dev.finnews.query;

import dev.finnews.store.SortOrder;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;

/**
 * Which list a cursor belongs to: the route, the lookup in canonical form (so {@code 新浪财经-国内} and
 * {@code 新浪财经－國內} are one list, as are {@code 601988.SH} and {@code sh601988}), the order and the
 * range. A cursor is signed together with its scope and only accepted for the same scope.
 */
record ListScope(Route route, String lookup, SortOrder order, Instant from, Instant to) {
    ListScope {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(order, "order");
    }

    /** An unambiguous byte form: each field length-prefixed, so no value can imitate another field. */
    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (DataOutputStream data = new DataOutputStream(out)) {
            data.writeUTF(route.name());
            data.writeUTF(lookup);
            data.writeUTF(order.name());
            data.writeUTF(from == null ? "" : from.toString());
            data.writeUTF(to == null ? "" : to.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
