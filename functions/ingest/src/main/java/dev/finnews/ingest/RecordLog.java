package dev.finnews.ingest;

import dev.finnews.json.Json;

import java.util.function.Consumer;

/** One JSON line per record: bucket, key, id, outcome, reason, durationMs, requestId. */
final class RecordLog {
    private final Consumer<String> sink;

    RecordLog(Consumer<String> sink) {
        this.sink = sink;
    }

    void record(String bucket, String key, String id, String outcome, String reason, String message, long durationMs,
                String requestId) {
        sink.accept(Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("bucket", bucket);
            g.writeStringField("key", key);
            g.writeStringField("id", id);
            g.writeStringField("outcome", outcome);
            g.writeStringField("reason", reason);
            if (message != null) {
                g.writeStringField("message", message);
            }
            g.writeNumberField("durationMs", durationMs);
            g.writeStringField("requestId", requestId);
            g.writeEndObject();
        }));
    }
}
