package dev.finnews.store;

import java.time.Instant;

/**
 * A permanent ingest failure: the object at {@code bucket}/{@code key} could not become an article.
 *
 * @param reason    the parser's error code ({@code NO_FRONT_MATTER}, {@code TOO_LARGE}…)
 * @param message   a human-readable explanation
 * @param at        when it was recorded
 * @param sequencer the S3 event sequencer, or null
 */
public record FailureRecord(String bucket, String key, String reason, String message, Instant at, String sequencer) {
}
