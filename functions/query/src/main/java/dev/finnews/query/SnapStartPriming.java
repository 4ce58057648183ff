package dev.finnews.query;

import org.crac.Context;
import org.crac.Resource;

import java.util.Map;

/**
 * Warms the request path just before Lambda takes a SnapStart snapshot, so restored instances start
 * with the DynamoDB client, its signer and HTTP classes, routing and JSON writing already loaded and
 * initialised. It asks for an article no upload can have: one GetItem, answered {@code 404}.
 * Without SnapStart no checkpoint happens and nothing here runs, so init makes no request.
 */
final class SnapStartPriming implements Resource {
    /**
     * Well-formed for the router and the store, yet never a real id: the last of an id's 22 characters
     * encodes only the final 2 bits of its 16 bytes, so it is always one of {@code A Q g w}.
     */
    static final String ABSENT_ID = "SnapStartPrimingNoSuch";
    private static final HttpRequest REQUEST =
            new HttpRequest("GET", "/articles/" + ABSENT_ID, "", Map.of(), "snapstart-priming");

    private final QueryApi api;

    SnapStartPriming(QueryApi api) {
        this.api = api;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            prime();
        } catch (RuntimeException e) {
            // Priming only saves time later; a snapshot must never fail because of it.
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the SDK resolves credentials and opens connections again when it needs them.
    }

    /** The priming request; a failure comes back as the API's error response (and is logged there). */
    HttpResponse prime() {
        return api.handle(REQUEST);
    }
}
