package dev.finnews.parser;

import java.util.Objects;

/** The only exception {@link ArticleParser} throws: a typed, permanent reason the file is not an article. */
public final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public ParseException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code);
    }

    public ErrorCode code() {
        return code;
    }
}
