package dev.finnews.ingest;

import dev.finnews.article.Article;
import dev.finnews.article.S3Location;
import dev.finnews.parser.ParseException;
import dev.finnews.store.ArticleState;
import dev.finnews.store.ArticleWrites;
import dev.finnews.store.ConcurrentChangeException;
import dev.finnews.store.FailureRecord;
import dev.finnews.store.StoredArticle;
import dev.finnews.store.TextCut;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Applies one S3 object change to the article table, with exactly-once effect under at-least-once,
 * out-of-order delivery. Per record: one strongly consistent read of the article's state, at most
 * one S3 request, at most one write.
 *
 * <p>Ordering: when both the event and the stored state carry an S3 sequencer, they are compared
 * ({@link Sequencer}) and an older or equal event changes nothing. Otherwise S3 itself decides: a
 * create is read with {@code If-Match} on the event's eTag ({@code 412}/{@code 404}: the event is
 * stale), and a delete is honoured only when the object is really gone. Every create is read with
 * {@code If-Match}, so a version that S3 no longer holds is never stored.
 *
 * <p>Transient problems (throttling, 5xx, timeouts, a race lost too often) are thrown; permanent
 * ones (the parser's error codes, {@code TOO_LARGE}) become a failure entry.
 */
public final class IngestService {
    /** How often one record is re-read and re-decided after losing a race with a concurrent write. */
    static final int MAX_ATTEMPTS = 4;
    static final String TOO_LARGE = "TOO_LARGE";

    private final ArticleWrites store;
    private final ObjectSource objects;
    private final Extractor extractor;
    private final IngestLimits limits;
    private final Clock clock;

    public IngestService(ArticleWrites store, ObjectSource objects, Extractor extractor, IngestLimits limits, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.objects = Objects.requireNonNull(objects, "objects");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How a create is treated when the same version was already extracted. */
    public enum Mode {
        /** Same eTag and parser version: nothing to do. */
        NORMAL,
        /** Extract and store again regardless (the local {@code backfill --force}); ordering rules still hold. */
        FORCE
    }

    /** What a SnapStart checkpoint runs: this service's requests and parsing, changing nothing. */
    SnapStartPriming priming() {
        return new SnapStartPriming(store, objects, extractor);
    }

    public Outcome ingest(ObjectChange change) {
        return ingest(change, Mode.NORMAL);
    }

    public Outcome ingest(ObjectChange change, Mode mode) {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(mode, "mode");
        for (int attempt = 1; ; attempt++) {
            try {
                ArticleState state = store.current(change.source().articleId());
                return change instanceof ObjectChange.Created created
                        ? create(created, state, mode)
                        : remove((ObjectChange.Removed) change, state);
            } catch (ConcurrentChangeException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                pauseBeforeRetry(attempt);
            }
        }
    }

    private Outcome create(ObjectChange.Created change, ArticleState state, Mode mode) {
        String id = change.source().articleId();
        Order order = order(change.sequencer(), state);
        if (order == Order.OLDER) {
            return new Outcome.Stale(id, "older sequencer");
        }
        if (order == Order.SAME && mode == Mode.NORMAL) {
            return new Outcome.Unchanged(id, "duplicate delivery");
        }
        if (mode == Mode.NORMAL && alreadyApplied(change.eTag(), state)) {
            if (order == Order.NEWER) {
                store.advanceSequencer(id, state, change.sequencer());
            }
            return new Outcome.Unchanged(id, "same version");
        }
        if (change.size() != null && change.size() > limits.maxObjectBytes() && order != Order.UNKNOWN) {
            return fail(change, state, TOO_LARGE, tooLarge(change.size()), change.eTag());
        }
        ObjectSource.Fetch fetch = objects.fetch(change.source(), change.eTag(), limits.maxObjectBytes());
        if (fetch instanceof ObjectSource.Fetch.Missing) {
            return new Outcome.Stale(id, "object gone");
        }
        if (fetch instanceof ObjectSource.Fetch.Changed) {
            return new Outcome.Stale(id, "object replaced");
        }
        if (fetch instanceof ObjectSource.Fetch.TooLarge large) {
            return fail(change, state, TOO_LARGE, tooLarge(large.size()), eTagOf(large.eTag(), change));
        }
        ObjectSource.Fetch.Found found = (ObjectSource.Fetch.Found) fetch;
        String eTag = eTagOf(found.eTag(), change);
        Article article;
        try {
            article = extractor.extract(found.content(), change.source().bucket(), change.source().key());
        } catch (ParseException e) {
            return fail(change, state, e.code().name(), e.getMessage(), eTag);
        }
        if (!article.id().equals(id)) {
            throw new IllegalStateException("the parser gave id " + article.id() + " for " + change.source() + ", expected " + id);
        }
        String text = TextCut.toUtf8Bytes(article.text(), limits.maxTextBytes());
        boolean truncated = text.length() < article.text().length();
        StoredArticle stored = new StoredArticle(truncated ? withText(article, text) : article, change.source(), truncated,
                extractor.version(), eTag, sequencerToKeep(change.sequencer(), state), clock.instant());
        store.store(state, stored, found.lastModified() != null ? found.lastModified() : clock.instant());
        return new Outcome.Stored(id);
    }

    private Outcome remove(ObjectChange.Removed change, ArticleState state) {
        String id = change.source().articleId();
        Order order = order(change.sequencer(), state);
        if (order == Order.OLDER) {
            if (state instanceof ArticleState.Live live && deletesTheMarkedVersion(change.sequencer(), live)) {
                // upload, delete, broken upload, with the failure applied first: the deleted article must not stay
                store.deleteMarkedArticle(live);
                return new Outcome.Deleted(id);
            }
            return new Outcome.Stale(id, "older sequencer");
        }
        if (order == Order.SAME) {
            return new Outcome.Unchanged(id, "duplicate delivery");
        }
        if (order == Order.UNKNOWN && objects.exists(change.source())) {
            return new Outcome.Stale(id, "object exists");
        }
        boolean nothingToRemove = state instanceof ArticleState.Absent || state instanceof ArticleState.Deleted;
        if (nothingToRemove && change.sequencer() == null) {
            // no sequencer to remember, nothing to remove: a tombstone would add nothing
            return new Outcome.Unchanged(id, "already deleted");
        }
        store.delete(state, change.source(), sequencerToKeep(change.sequencer(), state));
        return new Outcome.Deleted(id);
    }

    private Outcome fail(ObjectChange.Created change, ArticleState state, String reason, String message, String eTag) {
        S3Location source = change.source();
        FailureRecord failure = new FailureRecord(source.bucket(), source.key(), reason, message, clock.instant(),
                change.sequencer());
        store.recordFailure(state, failure, eTag, extractor.version());
        return new Outcome.Failed(source.articleId(), reason, message);
    }

    /**
     * True when a delete older than the state is still newer than the stored article's own version: a
     * newer version failed and marked the article, but the article's version had been deleted before.
     */
    private static boolean deletesTheMarkedVersion(String sequencer, ArticleState.Live live) {
        String version = live.article().sequencer();
        return live.failure() != null && sequencer != null && version != null && Sequencer.compare(sequencer, version) > 0;
    }

    /** True when the table already reflects exactly this object version, extracted by this parser. */
    private boolean alreadyApplied(String eTag, ArticleState state) {
        if (eTag == null) {
            return false;
        }
        ArticleState.FailureMark failure = state instanceof ArticleState.Live live ? live.failure()
                : state instanceof ArticleState.Failed failed ? failed.failure() : null;
        if (failure != null) {
            // the newest version failed: only that version is "already applied"; the good one re-uploaded must clear it
            return eTag.equals(failure.eTag()) && extractor.version().equals(failure.parserVersion());
        }
        return state instanceof ArticleState.Live live
                && eTag.equals(live.article().eTag())
                && extractor.version().equals(live.article().parserVersion());
    }

    /**
     * Parallel writers of articles that share a category or stock touch the same count item, and
     * DynamoDB cancels one of two overlapping transactions; a short random pause spreads them out.
     */
    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentChangeException("interrupted while waiting to retry", e);
        }
    }

    private static Order order(String sequencer, ArticleState state) {
        if (state instanceof ArticleState.Absent) {
            return sequencer == null ? Order.UNKNOWN : Order.NEWER;
        }
        if (sequencer == null || state.sequencer() == null) {
            return Order.UNKNOWN;
        }
        int c = Sequencer.compare(sequencer, state.sequencer());
        return c < 0 ? Order.OLDER : c == 0 ? Order.SAME : Order.NEWER;
    }

    /** An event without a sequencer keeps the stored one: later real events still compare against it. */
    private static String sequencerToKeep(String sequencer, ArticleState state) {
        return sequencer != null ? sequencer : state.sequencer();
    }

    private static String eTagOf(String fetched, ObjectChange.Created change) {
        String bare = ETags.bare(fetched);
        return bare != null ? bare : change.eTag();
    }

    private String tooLarge(long size) {
        return "the object has at least " + size + " bytes; the limit is " + limits.maxObjectBytes();
    }

    private static Article withText(Article a, String text) {
        return new Article(a.id(), a.title(), a.titleRaw(), a.categories(), a.author(), a.origin(), a.editor(),
                a.publishedAt(), a.publishDate(), text, a.summary(), a.images(), a.leadImage(), a.stocks(),
                a.keywords(), a.warnings());
    }

    /** Where an event stands relative to the stored state of its key. */
    private enum Order {
        OLDER, SAME, NEWER,
        /** One side has no sequencer: S3's current state decides. */
        UNKNOWN
    }
}
