package dev.finnews.ingest;

import com.amazonaws.services.lambda.runtime.events.S3Event;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Lambda's asynchronous invocation of one function, as S3 notifications meet it: events wait in a
 * queue and are taken in no particular order; an event whose invocation throws is retried whole, up
 * to {@link #MAX_RETRIES} times, later (other events run in between); then it goes to the on-failure
 * destination, from which an operator redrives it. The queue may also hand out the same event twice.
 */
final class AsyncLambda {
    /** Lambda's default for asynchronous invocations (the template's {@code MaximumRetryAttempts}). */
    static final int MAX_RETRIES = 2;

    private record Delivery(S3Event event, int attempt) {
    }

    private final Function<S3Event, String> function;
    private final SplittableRandom random;
    private final double duplicateShare;
    private final List<Delivery> queue = new ArrayList<>();
    private final List<S3Event> failureDestination = new ArrayList<>();

    int invocations;
    int failedInvocations;
    int retries;
    int duplicates;
    int sentToFailureDestination;
    int redriven;
    int redriveRounds;

    /**
     * @param function       the handler: returns normally, or throws to have the event retried
     * @param duplicateShare the share of queued events that are delivered twice
     */
    AsyncLambda(Function<S3Event, String> function, SplittableRandom random, double duplicateShare) {
        this.function = function;
        this.random = random;
        this.duplicateShare = duplicateShare;
    }

    /** S3 (or an operator's redrive) hands an event to Lambda. */
    void submit(S3Event event) {
        queue.add(new Delivery(event, 0));
        if (random.nextDouble() < duplicateShare) {
            duplicates++;
            queue.add(new Delivery(event, 0));
        }
    }

    boolean idle() {
        return queue.isEmpty();
    }

    /** Invokes the function on one queued event, picked at random. */
    void deliverOne() {
        Delivery d = queue.remove(random.nextInt(queue.size()));
        invocations++;
        try {
            function.apply(d.event());
        } catch (RuntimeException e) {
            failedInvocations++;
            if (d.attempt() < MAX_RETRIES) {
                retries++;
                queue.add(new Delivery(d.event(), d.attempt() + 1));
            } else {
                sentToFailureDestination++;
                failureDestination.add(d.event());
            }
        }
    }

    void drain() {
        while (!idle()) {
            deliverOne();
        }
    }

    /**
     * What an operator does with the on-failure destination: send every event in it again and wait,
     * until it stays empty or {@code maxRounds} rounds were spent. Returns the events left in it.
     */
    List<S3Event> redriveUntilEmpty(int maxRounds) {
        drain();
        while (!failureDestination.isEmpty() && redriveRounds < maxRounds) {
            redriveRounds++;
            List<S3Event> events = new ArrayList<>(failureDestination);
            failureDestination.clear();
            for (S3Event event : events) {
                redriven++;
                queue.add(new Delivery(event, 0));
            }
            drain();
        }
        return List.copyOf(failureDestination);
    }
}
