package dev.finnews.local.lambda;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.finnews.json.Json;

import java.io.IOException;

/**
 * The payload Lambda's Java runtime returns for an unhandled exception:
 * {@code {"errorMessage", "errorType", "stackTrace": [...]}}, and its cause the same way.
 */
public final class FunctionError {
    private static final int MAX_CAUSES = 5;

    private FunctionError() {
    }

    public static String json(Throwable error) {
        return Json.write(g -> write(g, error));
    }

    public static void write(JsonGenerator g, Throwable error) throws IOException {
        write(g, error, 0);
    }

    private static void write(JsonGenerator g, Throwable error, int depth) throws IOException {
        g.writeStartObject();
        g.writeStringField("errorMessage", error.getMessage());
        g.writeStringField("errorType", error.getClass().getName());
        g.writeArrayFieldStart("stackTrace");
        for (StackTraceElement frame : error.getStackTrace()) {
            g.writeString(frame.getClassName() + "." + frame.getMethodName()
                    + "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")");
        }
        g.writeEndArray();
        Throwable cause = error.getCause();
        if (cause != null && cause != error && depth < MAX_CAUSES) {
            g.writeFieldName("cause");
            write(g, cause, depth + 1);
        }
        g.writeEndObject();
    }
}
