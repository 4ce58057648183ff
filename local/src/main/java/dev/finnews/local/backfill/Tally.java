package dev.finnews.local.backfill;

import dev.finnews.ingest.Outcome;

import java.util.concurrent.atomic.AtomicLong;

/** Counts of what re-ingesting each object did; safe to update from many threads. */
final class Tally {
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    void add(Outcome outcome) {
        AtomicLong counter = outcome instanceof Outcome.Stored ? stored
                : outcome instanceof Outcome.Unchanged ? unchanged
                : outcome instanceof Outcome.Failed ? failed
                : stale; // Stale (the object changed since it was listed); Deleted cannot come of a create
        counter.incrementAndGet();
    }

    /** A transient error that survived the service's own retries. */
    void addError() {
        failed.incrementAndGet();
    }

    long done() {
        return stored.get() + unchanged.get() + stale.get() + failed.get();
    }

    long failed() {
        return failed.get();
    }

    /** {@code stored=N unchanged=N failed=N stale=N}: the first three always in this order, for scripts. */
    String summary() {
        return "stored=" + stored + " unchanged=" + unchanged + " failed=" + failed + " stale=" + stale;
    }
}
