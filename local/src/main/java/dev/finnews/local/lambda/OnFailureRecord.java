package dev.finnews.local.lambda;

import dev.finnews.json.Json;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The invocation record Lambda sends to an asynchronous function's on-failure destination once the
 * retries are exhausted: request context, the original event as {@code requestPayload}, and the
 * function's error as {@code responsePayload}.
 */
public final class OnFailureRecord {
    public static final String CONDITION = "RetriesExhausted";

    private OnFailureRecord() {
    }

    /**
     * @param eventJson the event as the function received it (valid JSON; embedded as is)
     * @param attempts  how many times the function was invoked with it
     */
    public static String json(LocalFunction function, String requestId, String eventJson, int attempts, Throwable error,
                              Instant at) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("version", "1.0");
            g.writeStringField("timestamp", at.truncatedTo(ChronoUnit.MILLIS).toString());
            g.writeObjectFieldStart("requestContext");
            g.writeStringField("requestId", requestId);
            g.writeStringField("functionArn", function.arn());
            g.writeStringField("condition", CONDITION);
            g.writeNumberField("approximateInvokeCount", attempts);
            g.writeEndObject();
            g.writeFieldName("requestPayload");
            g.writeRawValue(eventJson.strip());
            g.writeObjectFieldStart("responseContext");
            g.writeNumberField("statusCode", 200);
            g.writeStringField("executedVersion", "$LATEST");
            g.writeStringField("functionError", "Unhandled");
            g.writeEndObject();
            g.writeFieldName("responsePayload");
            FunctionError.write(g, error);
            g.writeEndObject();
        });
    }
}
