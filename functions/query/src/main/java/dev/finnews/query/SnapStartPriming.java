package dev.finnews.query;

import dev.finnews.json.JsonTree;
import org.crac.Context;
import org.crac.Resource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Warms the request path just before Lambda takes a SnapStart snapshot, so restored instances start
 * with the DynamoDB client, its signer and HTTP classes, event reading, routing and JSON writing already
 * loaded and initialised. It sends the handler's path an HTTP API event asking for an article no upload
 * can have: one GetItem, answered {@code 404}.
 * Without SnapStart no checkpoint happens and nothing here runs, so init makes no request.
 */
final class SnapStartPriming implements Resource {
    /**
     * Well-formed for the router and the store, yet never a real id: the last of an id's 22 characters
     * encodes only the final 2 bits of its 16 bytes, so it is always one of {@code A Q g w}.
     */
    static final String ABSENT_ID = "SnapStartPrimingNoSuch";
    private static final byte[] EVENT = ("{\"version\":\"2.0\",\"rawPath\":\"/articles/" + ABSENT_ID + "\",\"rawQueryString\":\"\","
            + "\"headers\":{\"accept\":\"application/json\"},\"requestContext\":{\"requestId\":\"snapstart-priming\","
            + "\"stage\":\"$default\",\"http\":{\"method\":\"GET\",\"path\":\"/articles/" + ABSENT_ID + "\"}}}")
            .getBytes(StandardCharsets.UTF_8);

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

    /** The priming request, as the handler takes it; a failure comes back as the API's error response (and is logged there). */
    HttpResponse prime() {
        try {
            HttpResponse response = api.handle(ApiGatewayEvents.request(JsonTree.read(new ByteArrayInputStream(EVENT))));
            ApiGatewayEvents.write(response, OutputStream.nullOutputStream());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
