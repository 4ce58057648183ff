package dev.finnews.parser;

import dev.finnews.article.Article;

/**
 * Turns the bytes of one uploaded article file into an {@link Article}. Thread-safe and reusable.
 * Throws nothing but {@link ParseException}, and no input makes it hang.
 */
public final class ArticleParser {
    /** Bumped whenever extraction changes, so ingest re-extracts objects stored by an older parser. */
    public static final String VERSION = "1";

    private final int maxBytes;

    public ArticleParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @param content the file's bytes
     * @param bucket  the bucket it was (or would be) uploaded to
     * @param key     the decoded S3 key (or file name)
     */
    public Article parse(byte[] content, String bucket, String key) throws ParseException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
