package dev.finnews.query;

/**
 * Every error code the API answers with, and its HTTP status. {@code infrastructure/openapi.yaml}
 * documents exactly this list (a test keeps the two in step).
 */
public enum ErrorCode {
    INVALID_PATH(400),
    INVALID_DATE(400),
    INVALID_RANGE(400),
    INVALID_LIMIT(400),
    INVALID_ORDER(400),
    INVALID_SYMBOL(400),
    AMBIGUOUS_SYMBOL(400),
    INVALID_CURSOR(400),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    INTERNAL(500),
    UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
