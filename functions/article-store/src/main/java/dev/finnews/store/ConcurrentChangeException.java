package dev.finnews.store;

/**
 * A write lost a race: the article item changed after it was read, or DynamoDB cancelled the
 * transaction for a conflicting one. Re-read and decide again.
 */
public final class ConcurrentChangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
