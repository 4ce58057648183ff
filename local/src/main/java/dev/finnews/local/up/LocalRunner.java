package dev.finnews.local.up;

import dev.finnews.ingest.IngestHandler;
import dev.finnews.local.aws.AwsTarget;
import dev.finnews.local.lambda.AsyncInvoker;
import dev.finnews.local.lambda.CursorSecret;
import dev.finnews.local.lambda.LocalFunction;
import dev.finnews.query.QueryHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole pipeline on one machine: moto (or a given endpoint) for S3, DynamoDB and SQS; S3 event
 * notifications → the real ingest handler with Lambda's asynchronous semantics; HTTP → the real query
 * handler. Pieces are started in order and {@link #close() closed} in reverse, whatever got started.
 */
final class LocalRunner implements AutoCloseable {
    /** Concurrent ingest invocations (each with its own handler instance). */
    static final int INGEST_CONCURRENCY = 2;

    private final UpSettings settings;
    private final PrintStream log;
    private HttpGateway http;
    private MotoProcess moto;
    private URI endpoint;
    private S3Client s3;
    private SqsClient sqs;
    private DynamoDbClient dynamoDb;
    private LocalResources resources;
    private AsyncInvoker invoker;
    private NotificationPoller poller;
    private boolean closed;

    LocalRunner(UpSettings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    /** Starts everything; on failure, what was started is left for {@link #close()}. */
    synchronized void start() throws StartFailure {
        try {
            http = HttpGateway.bind(settings.apiPort());
        } catch (IOException e) {
            throw new StartFailure("cannot listen on 127.0.0.1:" + settings.apiPort() + " (" + e.getMessage()
                    + "); choose another port with --api-port");
        }
        endpoint = settings.endpoint().isPresent() ? reachable(settings.endpoint().get()) : startMoto();
        AwsTarget target = new AwsTarget(Optional.of(endpoint), settings.region());
        Map<String, String> base = System.getenv();
        s3 = target.s3(base);
        sqs = target.sqs(base);
        dynamoDb = target.dynamoDb(base);
        resources = LocalResources.create(s3, dynamoDb, sqs, settings.bucket(), settings.table(), settings.region());

        Map<String, String> ingestEnv = target.handlerEnv(base, settings.table());
        LocalFunction ingest = LocalFunction.ingest(settings.region());
        invoker = new AsyncInvoker(ingest, () -> new IngestHandler(ingestEnv),
                record -> sqs.sendMessage(r -> r.queueUrl(resources.failureQueueUrl()).messageBody(record)),
                AsyncInvoker.LOCAL_RETRY_DELAYS, INGEST_CONCURRENCY, log, Clock.systemUTC());
        poller = new NotificationPoller(sqs, resources.notificationQueueUrl(), invoker, log);
        poller.start();

        Map<String, String> queryEnv = target.handlerEnv(base, settings.table());
        queryEnv.put("CURSOR_SECRET", CursorSecret.random());
        http.start(LocalFunction.query(settings.region()), () -> new QueryHandler(queryEnv), log);
    }

    private URI startMoto() throws StartFailure {
        int port = settings.awsPort() == 0 ? Endpoints.freePort() : settings.awsPort();
        if (!Endpoints.portFree(port)) {
            throw new StartFailure("port " + port + " is in use (another finnews up, or LocalStack?); choose another with "
                    + "--aws-port, or use what runs there with --endpoint http://127.0.0.1:" + port);
        }
        moto = MotoProcess.start(port, System.getenv());
        return moto.endpoint();
    }

    private static URI reachable(URI endpoint) throws StartFailure {
        if (!Endpoints.answers(endpoint)) {
            throw new StartFailure("nothing answers at " + endpoint + " (--endpoint); start the emulator first");
        }
        return endpoint;
    }

    /**
     * Uploads the sample articles and waits (bounded) until their events are processed, so the
     * first query finds them. Returns how many were uploaded (0 when the folder is missing).
     */
    int seed(Duration patience) throws IOException {
        Optional<Path> folder = Samples.folder();
        if (folder.isEmpty()) {
            log.println("finnews: no samples/ folder found next to the tool; nothing seeded");
            return 0;
        }
        long before = poller.finished();
        List<String> keys = Samples.upload(s3, settings.bucket(), folder.get());
        long deadline = System.nanoTime() + patience.toNanos();
        while (poller.finished() < before + keys.size() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return keys.size();
    }

    URI endpoint() {
        return endpoint;
    }

    int apiPort() {
        return http.port();
    }

    LocalResources resources() {
        return resources;
    }

    /** The moto child, when this runner started one. */
    Optional<Process> motoProcess() {
        return Optional.ofNullable(moto).map(MotoProcess::process);
    }

    /** Stops polling, HTTP, the invocations and moto (waiting for it), in that order. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (poller != null) {
            poller.close();
        }
        if (http != null) {
            http.stop();
        }
        if (invoker != null) {
            invoker.close(Duration.ofSeconds(2));
        }
        for (AutoCloseable client : new AutoCloseable[] {s3, sqs, dynamoDb}) {
            closeQuietly(client);
        }
        if (moto != null) {
            moto.close();
        }
    }

    synchronized boolean closed() {
        return closed;
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // shutting down: nothing useful to do about it
        }
    }
}
