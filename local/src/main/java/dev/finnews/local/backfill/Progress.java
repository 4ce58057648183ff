package dev.finnews.local.backfill;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Progress on standard error: on a terminal, one line redrawn in place with a bar, the count and the
 * rate; otherwise (a log, CI) a plain line every few seconds. Messages printed through {@link #note}
 * appear above the bar.
 */
final class Progress implements AutoCloseable {
    private static final int BAR_WIDTH = 30;
    private static final long TTY_PERIOD_MS = 200;
    private static final long LOG_PERIOD_MS = 5000;

    private final PrintStream err;
    private final boolean tty;
    private final Supplier<Long> done;
    private final Supplier<String> counts;
    private final AtomicLong listed = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private volatile boolean listingDone;

    Progress(PrintStream err, boolean tty, Supplier<Long> done, Supplier<String> counts) {
        this.err = err;
        this.tty = tty;
        this.done = done;
        this.counts = counts;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        long period = tty ? TTY_PERIOD_MS : LOG_PERIOD_MS;
        ticker.scheduleAtFixedRate(this::draw, period, period, TimeUnit.MILLISECONDS);
    }

    void listed(long count) {
        listed.set(count);
    }

    void listingDone() {
        listingDone = true;
    }

    /** A line of its own (a failure), kept above the redrawn bar. */
    synchronized void note(String line) {
        if (tty) {
            err.print("\r\033[K");
        }
        err.println(line);
        if (tty) {
            draw();
        }
    }

    private synchronized void draw() {
        String status = status();
        if (tty) {
            err.print("\r\033[K" + status);
        } else {
            err.println("backfill: " + status);
        }
        err.flush();
    }

    String status() {
        long d = done.get();
        long total = listed.get();
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        String of = listingDone ? Long.toString(total) : total + "+";
        String rate = String.format(Locale.ROOT, "%.1f/s", d / seconds);
        if (!tty) {
            return d + " of " + of + " objects, " + rate + ", " + counts.get();
        }
        int filled = total == 0 ? 0 : (int) Math.min(BAR_WIDTH, BAR_WIDTH * d / total);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + d + "/" + of + "  " + rate + "  "
                + counts.get();
    }

    /** Stops redrawing; a terminal's bar line is finished with its final state. */
    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        if (tty) {
            err.print("\r\033[K" + status());
            err.println();
        }
        err.flush();
    }
}
