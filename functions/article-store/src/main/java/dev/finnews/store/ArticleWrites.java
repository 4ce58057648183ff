package dev.finnews.store;

import dev.finnews.article.S3Location;

import java.time.Instant;

/**
 * The write side of the article table, as ingest needs it. {@link #current} is one strongly
 * consistent read; every other method is one atomic DynamoDB request, conditional on the state it
 * was given, and throws {@link ConcurrentChangeException} when that state is no longer current.
 */
public interface ArticleWrites {

    /** The id's current state (one strongly consistent read). */
    ArticleState current(String id);

    /**
     * Stores {@code article} in place of {@code expected}: the article item, its lookup entries (old
     * ones it no longer has removed), the category and stock counts that change, and the removal of a
     * recorded failure, all in one transaction.
     *
     * @param uploadedAt when the object was uploaded; orders the article when it has no publish time
     */
    void store(ArticleState expected, StoredArticle article, Instant uploadedAt);

    /** Replaces whatever {@code expected} was by a tombstone, removing every entry and count that pointed to it. */
    void delete(ArticleState expected, S3Location source, String sequencer);

    /**
     * Records a permanent failure for a version of the object. A stored article stays (it is the
     * newest good version) and is marked; otherwise a failure marker takes the article's place.
     */
    void recordFailure(ArticleState expected, FailureRecord failure, String eTag, String parserVersion);

    /**
     * Removes a stored article whose own version was deleted before a newer version failed and marked it
     * (the delete arrived last): its entries and counts go, and the item becomes the failure marker of
     * that failed version, keeping its sequencer.
     */
    void deleteMarkedArticle(ArticleState.Live expected);

    /**
     * Moves the stored sequencer of {@code id} forward without touching anything else: the version
     * already extracted (a stored article, or a recorded failure) was uploaded again.
     */
    void advanceSequencer(String id, ArticleState expected, String sequencer);
}
