package dev.finnews.query;

import dev.finnews.json.Json;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Failures the client cannot see the details of, logged as one JSON line each (CloudWatch keeps a
 * line per event and Logs Insights reads its fields). The stack trace goes here, never into a response.
 */
final class ErrorLog {
    private final Consumer<String> sink;

    ErrorLog(Consumer<String> sink) {
        this.sink = sink;
    }

    /** Writes to standard output, which Lambda sends to CloudWatch Logs. */
    static ErrorLog stdout() {
        return new ErrorLog(System.out::println);
    }

    void log(String level, String message, HttpRequest request, Throwable error) {
        StringWriter stack = new StringWriter();
        error.printStackTrace(new PrintWriter(stack));
        sink.accept(Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("timestamp", Instant.now().toString());
            g.writeStringField("level", level);
            g.writeStringField("message", message);
            g.writeStringField("requestId", request.requestId());
            g.writeStringField("method", request.method());
            g.writeStringField("path", request.rawPath());
            g.writeStringField("error", error.getClass().getName());
            g.writeStringField("detail", error.getMessage());
            g.writeStringField("stackTrace", stack.toString());
            g.writeEndObject();
        }));
    }
}
