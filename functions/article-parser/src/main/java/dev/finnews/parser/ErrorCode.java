package dev.finnews.parser;

/** Why a file cannot become an article. Permanent: the same bytes always fail the same way. */
public enum ErrorCode {
    /** Zero bytes, or only white space. */
    EMPTY,
    /** Binary content (NUL bytes, or mostly control characters). */
    NOT_TEXT,
    /** Text in a charset finnews does not read (it reads UTF-8, UTF-8/16 with BOM, GB18030/GBK). */
    UNSUPPORTED_ENCODING,
    /** Larger than the configured limit. */
    TOO_LARGE,
    /** No {@code ---} delimited front matter at the top of the file. */
    NO_FRONT_MATTER,
    /** Front matter present but unreadable even leniently, or without a title. */
    BAD_FRONT_MATTER
}
