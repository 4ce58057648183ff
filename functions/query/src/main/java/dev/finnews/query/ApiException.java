package dev.finnews.query;

import java.util.List;
import java.util.Objects;

/**
 * A request the API answers with an error instead of a result: bad input, nothing there, wrong method.
 * Thrown by the parsing and routing code, turned into one error response at the front door.
 *
 * @see QueryApi
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final List<String> candidates;

    ApiException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    /** {@code candidates} lists the symbols an ambiguous one may mean. */
    ApiException(ErrorCode code, String message, List<String> candidates) {
        super(message, null, false, false); // a client mistake: no stack trace worth collecting
        this.code = Objects.requireNonNull(code, "code");
        this.candidates = List.copyOf(candidates);
    }

    ErrorCode code() {
        return code;
    }

    List<String> candidates() {
        return candidates;
    }
}
