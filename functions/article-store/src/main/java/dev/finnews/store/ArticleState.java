package dev.finnews.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the table holds for one article id, read strongly consistently before a write. Every write
 * names the state it was decided on; the store rejects it with {@link ConcurrentChangeException}
 * when the item has moved on ({@link #revision()} differs), so a lost race is retried, never merged.
 */
public sealed interface ArticleState {

    /** Incremented by every write of the article item; 0 when there is none. */
    long revision();

    /** The newest S3 event sequencer applied to this key, or null. */
    String sequencer();

    /** Nothing stored for the id (never seen, or a tombstone that expired). */
    record Absent() implements ArticleState {
        @Override
        public long revision() {
            return 0;
        }

        @Override
        public String sequencer() {
            return null;
        }
    }

    /**
     * A stored article.
     *
     * @param failure   set when a newer version of the object failed to parse (the article stays), else null
     * @param footprint the lookup entries written for it, so a re-upload or delete removes exactly those
     */
    record Live(long revision, String sequencer, StoredArticle article, FailureMark failure, Footprint footprint)
            implements ArticleState {
        public Live {
            Objects.requireNonNull(article, "article");
            Objects.requireNonNull(footprint, "footprint");
        }
    }

    /** The key's object failed to parse and never produced an article. */
    record Failed(long revision, String sequencer, FailureMark failure) implements ArticleState {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** A tombstone: the object was deleted; kept until {@code expiresAt} so a late, older create loses. */
    record Deleted(long revision, String sequencer, Instant deletedAt, Instant expiresAt) implements ArticleState {
    }

    /**
     * The recorded failure of one object version.
     *
     * @param entrySortKey  sort key of its entry in the failure list
     * @param eTag          the failed version's eTag (or null), so a re-delivery is recognised without re-parsing
     * @param parserVersion the parser that rejected it
     */
    record FailureMark(String entrySortKey, String eTag, String parserVersion) {
        public FailureMark {
            Objects.requireNonNull(entrySortKey, "entrySortKey");
        }
    }

    /** The lookup entries of a stored article: one sort key shared by every lookup partition it is listed in. */
    record Footprint(String sortKey, Set<String> partitions) {
        public Footprint {
            Objects.requireNonNull(sortKey, "sortKey");
            partitions = Set.copyOf(partitions);
        }
    }
}
