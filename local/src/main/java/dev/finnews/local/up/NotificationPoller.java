package dev.finnews.local.up;

import dev.finnews.local.lambda.AsyncInvoker;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for S3 invoking Lambda: long-polls the notification queue and hands each S3 event to the
 * {@link AsyncInvoker}. A message is deleted once its event is finished (succeeded, or recorded on the
 * failure queue), so an event still in work when the runner stops is delivered again next time.
 */
final class NotificationPoller implements AutoCloseable {
    private static final int WAIT_SECONDS = 1;
    /** Events handed on but not finished; receiving waits while this many are. */
    private static final int MAX_IN_FLIGHT = 20;

    private final SqsClient sqs;
    private final String queueUrl;
    private final AsyncInvoker invoker;
    private final PrintStream log;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicLong finished = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    NotificationPoller(SqsClient sqs, String queueUrl, AsyncInvoker invoker, PrintStream log) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.invoker = invoker;
        this.log = log;
        this.thread = new Thread(this::run, "s3-notifications");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** How many events were finished so far. */
    long finished() {
        return finished.get();
    }

    private void run() {
        while (running) {
            try {
                for (Message message : receive()) {
                    handle(message);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.println("finnews: reading S3 notifications failed: " + e.getMessage() + "; retrying");
                pause();
            }
        }
    }

    private List<Message> receive() {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(WAIT_SECONDS))
                .messages();
    }

    private void handle(Message message) throws InterruptedException {
        S3Notification notification = S3Notification.of(message.body());
        if (notification instanceof S3Notification.Event event) {
            inFlight.acquire();
            invoker.invoke(event.json()).whenComplete((result, stopped) -> {
                inFlight.release();
                if (stopped == null) {
                    delete(message);
                    finished.incrementAndGet();
                }
            });
        } else if (notification instanceof S3Notification.TestEvent) {
            log.println("finnews: S3 sent its s3:TestEvent (notifications are wired); not passed to the function");
            delete(message);
        } else {
            log.println("finnews: dropped a message on the notification queue: "
                    + ((S3Notification.Unrecognised) notification).reason());
            delete(message);
        }
    }

    private void delete(Message message) {
        try {
            sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        } catch (RuntimeException e) {
            if (running) {
                log.println("finnews: could not delete a notification (it will be delivered again): " + e.getMessage());
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops polling; waits for the current receive to return (at most its long-poll time). */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
