package dev.finnews.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Lambda's asynchronous invocation, in process: each event is handed to a handler instance (one per
 * worker thread, as Lambda gives each concurrent invocation its own execution environment); a failed
 * invocation is retried after each of the {@code retryDelays} (Lambda: twice, after about one and two
 * minutes), and when every attempt failed the {@link OnFailureRecord} goes to the failure destination.
 * The request id stays the same across the attempts, as in Lambda.
 */
public final class AsyncInvoker implements AutoCloseable {
    /** Lambda's default retry count, with delays scaled down from minutes to seconds for local use. */
    public static final List<Duration> LOCAL_RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2));

    private final LocalFunction function;
    private final ThreadLocal<RequestStreamHandler> handlers;
    private final FailureDestination destination;
    private final List<Duration> retryDelays;
    private final PrintStream log;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor workers;

    /** Where the record of an event that failed every attempt goes (an SQS queue in the local runner). */
    @FunctionalInterface
    public interface FailureDestination {
        void send(String invocationRecordJson);
    }

    /** How an event ended. */
    public sealed interface Result {
        String requestId();

        int attempts();

        /** The handler returned; {@code responseJson} is what it wrote. */
        record Succeeded(String requestId, int attempts, String responseJson) implements Result {
        }

        /** Every attempt failed; the invocation record was sent to the failure destination (or could not be, see log). */
        record Failed(String requestId, int attempts, Throwable lastError) implements Result {
        }
    }

    public AsyncInvoker(LocalFunction function, Supplier<? extends RequestStreamHandler> handlerFactory,
                        FailureDestination destination, List<Duration> retryDelays, int concurrency, PrintStream log,
                        Clock clock) {
        this.function = Objects.requireNonNull(function, "function");
        Objects.requireNonNull(handlerFactory, "handlerFactory");
        this.handlers = ThreadLocal.withInitial(handlerFactory::get);
        this.destination = Objects.requireNonNull(destination, "destination");
        this.retryDelays = List.copyOf(retryDelays);
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ScheduledThreadPoolExecutor(concurrency, r -> {
            Thread t = new Thread(r, function.name() + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.workers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Accepts one event (Lambda's {@code InvocationType=Event}); the future completes when the
     * event succeeded or its record went to the failure destination.
     */
    public CompletableFuture<Result> invoke(String eventJson) {
        Pending pending = new Pending(UUID.randomUUID().toString(), eventJson);
        submit(pending, () -> workers.execute(() -> attempt(pending)));
        return pending.result;
    }

    /** After {@link #close} nothing more runs: the event stays unfinished (its notification is not deleted). */
    private static void submit(Pending p, Runnable submission) {
        try {
            submission.run();
        } catch (RejectedExecutionException stopped) {
            p.result.completeExceptionally(stopped);
        }
    }

    private void attempt(Pending p) {
        int attempt = p.attempts.incrementAndGet();
        try {
            String response = LambdaJson.invoke(handlers.get(), p.eventJson, new LocalContext(function, p.requestId, log));
            p.result.complete(new Result.Succeeded(p.requestId, attempt, response));
        } catch (RuntimeException | Error e) {
            // A handler whose constructor threw was never kept: the next attempt initialises again, as Lambda would.
            if (attempt <= retryDelays.size()) {
                Duration delay = retryDelays.get(attempt - 1);
                log.printf("%s: request %s failed (attempt %d of %d): %s; retrying in %s%n", function.name(), p.requestId,
                        attempt, retryDelays.size() + 1, e, describe(delay));
                submit(p, () -> workers.schedule(() -> attempt(p), delay.toMillis(), TimeUnit.MILLISECONDS));
            } else {
                giveUp(p, attempt, e);
            }
        }
    }

    private void giveUp(Pending p, int attempts, Throwable error) {
        try {
            destination.send(OnFailureRecord.json(function, p.requestId, p.eventJson, attempts, error, clock.instant()));
            log.printf("%s: request %s failed %d times: %s; its event is on the failure queue%n", function.name(),
                    p.requestId, attempts, error);
        } catch (RuntimeException sendFailed) {
            log.printf("%s: request %s failed %d times, and its record could not be sent to the failure queue: %s%n",
                    function.name(), p.requestId, attempts, sendFailed);
        }
        p.result.complete(new Result.Failed(p.requestId, attempts, error));
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Stops taking events; waits up to {@code grace} for running invocations. Scheduled retries are dropped. */
    public void close(Duration grace) {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }

    private static final class Pending {
        final String requestId;
        final String eventJson;
        final AtomicInteger attempts = new AtomicInteger();
        final CompletableFuture<Result> result = new CompletableFuture<>();

        Pending(String requestId, String eventJson) {
            this.requestId = requestId;
            this.eventJson = eventJson;
        }
    }
}
