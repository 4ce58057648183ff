package dev.finnews.ingest;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.finnews.generator.CorpusGenerator;
import dev.finnews.store.aws.AwsSettings;
import dev.finnews.store.dynamo.DynamoArticleStore;
import dev.finnews.store.dynamo.TableSchema;
import dev.finnews.testing.MotoServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest under injected faults, end to end with the real handler against moto: generated files are
 * uploaded, re-uploaded, deleted and re-created while their S3 events (several records per event,
 * duplicated, in any order, all with sequencers) reach the handler the way Lambda's asynchronous
 * invocation delivers them ({@link AsyncLambda}: whole-event retries, an on-failure destination that
 * is then redriven). A {@link FaultInjector} makes a seeded share of the handler's AWS calls fail:
 * throttling, 5xx, timeouts and connection resets, before the request or after it was applied.
 * Afterwards the whole table must equal {@link ExpectedTable}, computed from S3 and the parser alone.
 *
 * <p>The keys are spread over shards of {@value #KEYS_PER_SHARD}, each with its own bucket, table and
 * handler instance: moto copies a whole table for every transaction, so one big table would make the
 * run quadratic. Size: {@code -Dfinnews.faults.keys} (CI 300; {@code -Plong} 3,000). The run's numbers
 * go to {@code target/faults-report.txt} (recorded in docs/reliability.md, "Faults").
 */
class IngestUnderFaultsIT {
    private static final int KEYS = Integer.getInteger("finnews.faults.keys", 300);
    private static final long SEED = Long.getLong("finnews.faults.seed", 20261127L);
    private static final int KEYS_PER_SHARD = 100;
    private static final double FAULT_SHARE = 0.15;
    /** Of the faulty calls, the share the SDK's own retries do not absorb. */
    private static final double SURFACED_SHARE = 0.3;
    private static final double DUPLICATE_EVENTS = 0.1;
    private static final double DUPLICATE_RECORDS = 0.03;
    private static final int MAX_OBJECT_BYTES = 600_000;
    private static final int MAX_TEXT_BYTES = 100_000;
    private static final Pattern OUTCOME = Pattern.compile("\"outcome\":\"([a-z]+)\"");
    private static final Pattern BUCKET_AND_KEY = Pattern.compile("\"bucket\":\"(.*?)\",\"key\":\"(.*?)\",\"id\"");

    private final SplittableRandom random = new SplittableRandom(SEED);
    private final FaultInjector faults = new FaultInjector(random.nextLong(), FAULT_SHARE, SURFACED_SHARE);
    private final CallTimes times = new CallTimes();
    private final List<AsyncLambda> lambdas = new ArrayList<>();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final Map<String, Integer> operations = new TreeMap<>();
    private final Map<String, Integer> finalStates = new TreeMap<>();
    private final List<String> differences = new ArrayList<>();
    /** Per bucket/key, what happened in order: S3 operations and the handler's log lines; shown for keys that differ. */
    private final Map<String, List<String>> trails = new HashMap<>();
    private long sequencer = 0x0062E99A88DC4074L;
    private int events;
    private int stuck;
    private int items;
    private int keys;

    @Test
    void afterAFaultyRunTheTableEqualsWhatS3AndTheParserSay() throws IOException {
        long started = System.nanoTime();
        for (int first = 0; first < KEYS; first += KEYS_PER_SHARD) {
            runShard(first, Math.min(KEYS_PER_SHARD, KEYS - first));
        }
        String report = report((System.nanoTime() - started) / 1_000_000_000);
        System.out.println(report);
        Files.writeString(Path.of("target", "faults-report.txt"), report, StandardCharsets.UTF_8);

        assertThat(stuck).as("events still failing after redrives").isZero();
        assertThat(differences).as("differences from the expected final state").isEmpty();
        for (FaultInjector.Kind kind : FaultInjector.Kind.values()) {
            assertThat(faults.count(kind.name())).as("%s faults injected", kind).isPositive();
        }
        for (String where : List.of("BEFORE_SEND RETRIED", "BEFORE_SEND SURFACED", "AFTER_APPLY RETRIED", "AFTER_APPLY SURFACED")) {
            assertThat(faults.injected().entrySet()).as(where).anyMatch(e -> e.getKey().endsWith(where) && e.getValue() > 0);
        }
        assertThat(total(l -> l.retries)).as("whole-event retries").isPositive();
        assertThat(total(l -> l.sentToFailureDestination)).as("events that reached the failure destination").isPositive();
        assertThat(finalStates).containsKeys("live", "deleted", "failed");
    }

    /** Keys {@code first}…{@code first + keys - 1} (plus a few broken ones) in a bucket and table of their own. */
    private void runShard(int first, int count) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String bucket = "faults-it-" + suffix;
        String table = "faults-it-" + suffix;
        Map<String, String> env = Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", MotoServer.get().endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "FINNEWS_TABLE", table,
                "FINNEWS_MAX_OBJECT_BYTES", Integer.toString(MAX_OBJECT_BYTES),
                "FINNEWS_MAX_TEXT_BYTES", Integer.toString(MAX_TEXT_BYTES));
        // the test's own clients never meet a fault
        AwsSettings aws = AwsSettings.fromEnv(env);
        S3Client s3 = aws.configure(S3Client.builder()).forcePathStyle(true).build();
        DynamoDbClient ddb = aws.configure(DynamoDbClient.builder()).build();
        s3.createBucket(r -> r.bucket(bucket));
        s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        TableSchema.create(ddb, table);

        // a fresh function instance per shard, as Lambda would start one per environment
        IngestHandler handler = new IngestHandler(IngestServices.fromEnv(env, List.of(faults, times)), this::logged);
        AsyncLambda lambda = new AsyncLambda(event -> S3Events.deliver(handler, event), random.split(), DUPLICATE_EVENTS);
        lambdas.add(lambda);
        UploadPlan plan = new UploadPlan(new CorpusGenerator(SEED), random.split(), MAX_OBJECT_BYTES, first * 10);
        Uploads uploads = new Uploads(s3, bucket);

        run(plan.histories(count, Math.max(2, count / 40)), uploads, lambda);
        stuck += lambda.redriveUntilEmpty(20).size();

        keys += uploads.lastSequencers.size();
        ExpectedTable expected = ExpectedTable.compute(s3, bucket, uploads.lastSequencers, MAX_OBJECT_BYTES, MAX_TEXT_BYTES);
        Map<String, Map<String, AttributeValue>> scan = scan(ddb, table);
        items += scan.size();
        expected.summary().forEach((k, v) -> finalStates.merge(k, v, Integer::sum));
        expected.differences(scan, new DynamoArticleStore(ddb, table)::get).forEach(d -> differences.add(bucket + ": " + d));
        ddb.deleteTable(r -> r.tableName(table)); // keeps moto small for the next shard
    }

    /**
     * Interleaves the operators' S3 operations with S3's notifications and Lambda's deliveries: at
     * each step one operation (or a burst of one key's operations), one event of 1–4 waiting records
     * picked at random, or one delivery.
     */
    private void run(List<UploadPlan.History> histories, Uploads uploads, AsyncLambda lambda) {
        List<Cursor> open = new ArrayList<>(histories.stream().map(Cursor::new).toList());
        List<S3EventNotificationRecord> unsent = new ArrayList<>();
        while (!open.isEmpty() || !unsent.isEmpty() || !lambda.idle()) {
            int operate = open.isEmpty() ? 0 : 3;
            int pack = unsent.isEmpty() ? 0 : 2;
            int deliver = lambda.idle() ? 0 : 3;
            int pick = random.nextInt(operate + pack + deliver);
            if (pick < operate) {
                Cursor c = open.get(random.nextInt(open.size()));
                boolean burst = random.nextInt(3) == 0;
                do {
                    S3EventNotificationRecord record = uploads.perform(c.key(), c.next());
                    unsent.add(record);
                    if (random.nextDouble() < DUPLICATE_RECORDS) {
                        unsent.add(record); // S3 itself notifies twice now and then
                    }
                } while (burst && !c.done());
                if (c.done()) {
                    open.remove(c);
                }
            } else if (pick < operate + pack) {
                int n = 1 + random.nextInt(Math.min(4, unsent.size()));
                List<S3EventNotificationRecord> records = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    records.add(unsent.remove(random.nextInt(unsent.size())));
                }
                lambda.submit(S3Events.of(records.toArray(S3EventNotificationRecord[]::new)));
                events++;
            } else {
                lambda.deliverOne();
            }
        }
    }

    /** The operators' side: applies operations to one bucket and returns the notification S3 sends for each. */
    private final class Uploads {
        private final S3Client s3;
        private final String bucket;
        /** Every key touched, with the sequencer of its last operation. */
        final Map<String, String> lastSequencers = new TreeMap<>();

        Uploads(S3Client s3, String bucket) {
            this.s3 = s3;
            this.bucket = bucket;
        }

        S3EventNotificationRecord perform(String key, UploadPlan.Op op) {
            String seq = String.format(Locale.ROOT, "%018X", ++sequencer);
            lastSequencers.put(key, seq);
            if (op instanceof UploadPlan.Put put) {
                operations.merge(put.broken() ? "puts of broken files" : "puts", 1, Integer::sum);
                String eTag = ETags.bare(s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(put.content())).eTag());
                trail(bucket, key, "S3 put " + (put.broken() ? "broken " : "") + eTag + ", sequencer " + seq);
                return S3Events.created(bucket, key, eTag, (long) put.content().length, seq);
            }
            operations.merge("deletes", 1, Integer::sum);
            s3.deleteObject(r -> r.bucket(bucket).key(key));
            trail(bucket, key, "S3 delete, sequencer " + seq);
            return S3Events.record("ObjectRemoved:DeleteMarkerCreated", bucket, S3Events.encode(key), null, null, seq);
        }
    }

    /** The handler's log sink: one JSON line per record. */
    private void logged(String line) {
        Matcher outcome = OUTCOME.matcher(line);
        if (outcome.find()) {
            outcomes.merge(outcome.group(1), 1, Integer::sum);
        }
        Matcher where = BUCKET_AND_KEY.matcher(line);
        if (where.find()) {
            trail(where.group(1), where.group(2), line);
        }
    }

    private void trail(String bucket, String key, String line) {
        trails.computeIfAbsent(bucket + ": " + key, x -> new ArrayList<>()).add(line);
    }

    private int total(ToIntFunction<AsyncLambda> counter) {
        return lambdas.stream().mapToInt(counter).sum();
    }

    private static Map<String, Map<String, AttributeValue>> scan(DynamoDbClient ddb, String table) {
        Map<String, Map<String, AttributeValue>> all = new TreeMap<>();
        ddb.scanPaginator(r -> r.tableName(table).consistentRead(true)).items()
                .forEach(item -> all.put(item.get("pk").s() + "|" + item.get("sk").s(), item));
        return all;
    }

    private String report(long seconds) {
        StringBuilder r = new StringBuilder();
        r.append(String.format(Locale.ROOT, "Fault run: seed %d, %d keys in %d table(s), faults on %.0f%% of the handler's AWS calls "
                        + "(%.0f%% of those surfaced past the SDK's retries), %d s%n",
                SEED, keys, lambdas.size(), 100 * FAULT_SHARE, 100 * SURFACED_SHARE, seconds));
        r.append("S3 operations: ").append(operations).append("; Lambda events: ").append(events).append(" (1-4 records each)\n");
        r.append("Handler AWS calls: ").append(faults.calls()).append(", with a fault: ").append(faults.faultyCalls())
                .append(String.format(Locale.ROOT, " (%.1f%%)", 100.0 * faults.faultyCalls() / Math.max(1, faults.calls())))
                .append("\nFaults thrown (kind, phase, scope):\n");
        faults.injected().forEach((k, v) -> {
            if (!k.startsWith("call ")) {
                r.append("  ").append(k).append(": ").append(v).append('\n');
            }
        });
        r.append("Faults thrown by call:\n");
        faults.injected().forEach((k, v) -> {
            if (k.startsWith("call ")) {
                r.append("  ").append(k.substring(5)).append(": ").append(v).append('\n');
            }
        });
        Map<String, Integer> lambda = new LinkedHashMap<>();
        lambda.put("invocations", total(l -> l.invocations));
        lambda.put("failed", total(l -> l.failedInvocations));
        lambda.put("retried whole", total(l -> l.retries));
        lambda.put("duplicate deliveries", total(l -> l.duplicates));
        lambda.put("sent to the failure destination", total(l -> l.sentToFailureDestination));
        lambda.put("redriven", total(l -> l.redriven));
        lambda.put("redrive rounds", total(l -> l.redriveRounds));
        lambda.put("left failing", stuck);
        r.append("Lambda: ").append(lambda).append('\n');
        r.append("Time in the handler's AWS calls (s, SDK retries and pauses included): ").append(times.seconds()).append('\n');
        r.append("Record outcomes (log lines): ").append(outcomes).append('\n');
        r.append("Expected final state: ").append(finalStates).append("; table items: ").append(items).append('\n');
        r.append("Differences from the expected final state: ").append(differences.size()).append('\n');
        differences.forEach(d -> r.append("  ").append(d).append('\n'));
        trails.forEach((where, lines) -> {
            String bucket = where.substring(0, where.indexOf(": "));
            String key = where.substring(bucket.length() + 2);
            if (differences.stream().anyMatch(d -> d.startsWith(bucket + ": ") && d.contains(key))) {
                r.append("History of ").append(where).append(":\n");
                lines.forEach(l -> r.append("  ").append(l).append('\n'));
            }
        });
        return r.toString();
    }

    /** The next operation of one key's history. */
    private static final class Cursor {
        private final UploadPlan.History history;
        private int next;

        Cursor(UploadPlan.History history) {
            this.history = history;
        }

        String key() {
            return history.key();
        }

        UploadPlan.Op next() {
            return history.ops().get(next++);
        }

        boolean done() {
            return next == history.ops().size();
        }
    }

    /** Wall time per operation, per API call including the SDK's retries and their pauses. */
    private static final class CallTimes implements ExecutionInterceptor {
        private static final ExecutionAttribute<Long> START = new ExecutionAttribute<>("finnews.faults.start");
        private final Map<String, Long> nanos = new TreeMap<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            attributes.putAttribute(START, System.nanoTime());
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            add(attributes);
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            add(attributes);
        }

        private synchronized void add(ExecutionAttributes attributes) {
            Long start = attributes.getAttribute(START);
            if (start != null) {
                nanos.merge(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), System.nanoTime() - start, Long::sum);
                attributes.putAttribute(START, null);
            }
        }

        synchronized Map<String, Long> seconds() {
            Map<String, Long> s = new TreeMap<>();
            nanos.forEach((k, v) -> s.put(k, v / 1_000_000_000));
            return s;
        }
    }
}
