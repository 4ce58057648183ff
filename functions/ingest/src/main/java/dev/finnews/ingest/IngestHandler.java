package dev.finnews.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.finnews.json.Json;
import dev.finnews.json.JsonTree;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The S3-triggered Lambda. Thin: decodes the event, hands each record to {@link IngestService},
 * logs one JSON line per record, answers with the count of each outcome, and, if any record met a
 * transient problem, throws once after all records were processed so Lambda retries the event (the
 * records already applied come out unchanged on the retry). It takes the event as bytes (a
 * {@link RequestStreamHandler}) because the runtime's reflective mapping onto event classes costs a
 * cold start more than reading the few members ingest needs (docs/performance.md). With SnapStart
 * on, {@link SnapStartPriming} warms the request path before the snapshot.
 */
public final class IngestHandler implements RequestStreamHandler {
    private final IngestService service;
    private final RecordLog log;
    // Held here: a CRaC context may keep its resources only weakly.
    private final SnapStartPriming priming;

    /** What Lambda calls: settings from the process environment. */
    public IngestHandler() {
        this(System.getenv());
    }

    public IngestHandler(Map<String, String> env) {
        this(env, List.of());
    }

    /** With extra SDK interceptors on both clients (call counting and fault injection in tests). */
    public IngestHandler(Map<String, String> env, List<ExecutionInterceptor> interceptors) {
        this(IngestServices.fromEnv(env, interceptors), System.out::println, Core.getGlobalContext());
    }

    /** Over a given service, registered with no checkpoint context. */
    IngestHandler(IngestService service, Consumer<String> logSink) {
        this.service = service;
        this.log = new RecordLog(logSink);
        this.priming = service.priming();
    }

    /** Registers the priming with {@code checkpoints}, the runtime's global CRaC context outside tests. */
    IngestHandler(IngestService service, Consumer<String> logSink, org.crac.Context<Resource> checkpoints) {
        this(service, logSink);
        checkpoints.register(priming);
    }

    /** What a SnapStart checkpoint runs. */
    SnapStartPriming priming() {
        return priming;
    }

    /** An event that is not JSON is an invocation S3 never makes: it fails as the runtime would fail it. */
    @Override
    public void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        String requestId = context == null ? null : context.getAwsRequestId();
        Map<String, Integer> tally = handle(EventRecords.decode(JsonTree.read(event)), requestId);
        try (JsonGenerator g = Json.generator(new OutputStreamWriter(response, StandardCharsets.UTF_8))) {
            g.writeStartObject();
            for (Map.Entry<String, Integer> e : tally.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
    }

    /** Every record of an event, then the count of each outcome. */
    Map<String, Integer> handle(List<EventRecords.Decoded> records, String requestId) {
        Map<String, Integer> tally = new TreeMap<>();
        List<String> retry = new ArrayList<>();
        for (EventRecords.Decoded decoded : records) {
            if (decoded instanceof EventRecords.Decoded.Ignored ignored) {
                log.record(ignored.bucket(), ignored.key(), null, "ignored", ignored.reason(), null, 0, requestId);
                tally.merge("ignored", 1, Integer::sum);
                continue;
            }
            ObjectChange change = ((EventRecords.Decoded.Change) decoded).change();
            long start = System.nanoTime();
            String bucket = change.source().bucket();
            String key = change.source().key();
            try {
                Outcome outcome = service.ingest(change);
                String message = outcome instanceof Outcome.Failed failed ? failed.message() : null;
                log.record(bucket, key, outcome.id(), outcome.name(), outcome.reason(), message, millisSince(start), requestId);
                tally.merge(outcome.name(), 1, Integer::sum);
            } catch (RuntimeException e) {
                // transient (or unexpected): the other records go on; the event is retried at the end
                log.record(bucket, key, change.source().articleId(), "retry", e.getClass().getSimpleName(),
                        e.getMessage(), millisSince(start), requestId);
                tally.merge("retry", 1, Integer::sum);
                retry.add(bucket + "/" + key);
            }
        }
        if (!retry.isEmpty()) {
            throw new IngestRetryException(retry.size() + " record(s) need a retry: " + String.join(", ", retry));
        }
        return tally;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Thrown after every record was processed when some met a transient problem; Lambda retries the event. */
    public static final class IngestRetryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IngestRetryException(String message) {
            super(message);
        }
    }
}
