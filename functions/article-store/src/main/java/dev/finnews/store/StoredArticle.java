package dev.finnews.store;

import dev.finnews.article.Article;
import dev.finnews.article.S3Location;

import java.time.Instant;
import java.util.Objects;

/**
 * An article as the table holds it.
 *
 * @param article       the parsed article; its text may be cut to the store's limit
 * @param source        the S3 object it came from (the full text stays there)
 * @param textTruncated true when {@code article.text()} was cut
 * @param parserVersion the parser version that extracted it
 * @param eTag          the S3 object's eTag when it was stored
 * @param sequencer     the S3 event sequencer of the stored version (its newest upload), or null when it had none;
 *                      a failure of a newer version moves the state's sequencer, not this one
 * @param storedAt      when it was (last) written; orders articles without a publish time
 */
public record StoredArticle(Article article, S3Location source, boolean textTruncated, String parserVersion,
                            String eTag, String sequencer, Instant storedAt) {
    public StoredArticle {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(storedAt, "storedAt");
    }
}
