package dev.finnews.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Cursors the API really issued during an abuse run, with the request each came from, so they can be
 * replayed faithfully, replayed elsewhere, or mutated. {@code foreign} ones were issued for the same
 * requests by a deployment with another {@code CURSOR_SECRET}.
 */
final class CursorJar {
    private static final int CAPACITY = 256;

    /** A cursor and the list request whose answer carried it. */
    record Issued(HttpRequest origin, String cursor) {
    }

    private final List<Issued> ours = new ArrayList<>();
    private final List<Issued> foreign = new ArrayList<>();

    /** Keeps the {@code nextCursor} of a successful list answer, if it has one. */
    void remember(HttpRequest origin, HttpResponse response, SplittableRandom random) {
        nextCursor(response).ifPresent(cursor -> keep(ours, new Issued(origin, cursor), random));
    }

    void rememberForeign(HttpRequest origin, HttpResponse response, SplittableRandom random) {
        nextCursor(response).ifPresent(cursor -> keep(foreign, new Issued(origin, cursor), random));
    }

    Optional<Issued> ours(SplittableRandom random) {
        return pick(ours, random);
    }

    Optional<Issued> foreign(SplittableRandom random) {
        return pick(foreign, random);
    }

    static Optional<String> nextCursor(HttpResponse response) {
        if (response.status() != 200 || !response.body().startsWith("{\"items\"")) {
            return Optional.empty();
        }
        JsonNode next = Fixtures.json(response.body()).get("nextCursor");
        return next == null || next.isNull() ? Optional.empty() : Optional.of(next.asText());
    }

    private static void keep(List<Issued> jar, Issued issued, SplittableRandom random) {
        if (jar.size() < CAPACITY) {
            jar.add(issued);
        } else {
            jar.set(random.nextInt(CAPACITY), issued);
        }
    }

    private static Optional<Issued> pick(List<Issued> jar, SplittableRandom random) {
        return jar.isEmpty() ? Optional.empty() : Optional.of(jar.get(random.nextInt(jar.size())));
    }
}
