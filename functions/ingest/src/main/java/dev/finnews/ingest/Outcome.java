package dev.finnews.ingest;

/** What ingesting one record did. Transient problems are not outcomes: they are thrown, and retried. */
public sealed interface Outcome {

    /** The article id of the record's object. */
    String id();

    /** The outcome as logged: stored, unchanged, stale, deleted, failed. */
    String name();

    /** Why, in a word or two; null for stored and deleted. */
    default String reason() {
        return null;
    }

    /** A new or changed article was written. */
    record Stored(String id) implements Outcome {
        @Override
        public String name() {
            return "stored";
        }
    }

    /** Nothing to write: a duplicate delivery, or the same object version already extracted by this parser. */
    record Unchanged(String id, String reason) implements Outcome {
        @Override
        public String name() {
            return "unchanged";
        }
    }

    /** The event is older than what the table or S3 already shows, and was skipped. */
    record Stale(String id, String reason) implements Outcome {
        @Override
        public String name() {
            return "stale";
        }
    }

    /** The article (if any) was replaced by a tombstone. */
    record Deleted(String id) implements Outcome {
        @Override
        public String name() {
            return "deleted";
        }
    }

    /**
     * A permanent problem, recorded as a failure entry and not retried.
     *
     * @param reason the parser's error code ({@code NO_FRONT_MATTER}) or {@code TOO_LARGE}
     */
    record Failed(String id, String reason, String message) implements Outcome {
        @Override
        public String name() {
            return "failed";
        }
    }
}
