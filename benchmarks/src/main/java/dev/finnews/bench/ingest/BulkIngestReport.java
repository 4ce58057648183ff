package dev.finnews.bench.ingest;

import dev.finnews.article.S3Location;
import dev.finnews.generator.CorpusGenerator;
import dev.finnews.article.Limits;
import dev.finnews.ingest.Extractor;
import dev.finnews.ingest.IngestLimits;
import dev.finnews.ingest.IngestService;
import dev.finnews.ingest.ObjectChange;
import dev.finnews.ingest.ObjectSource;
import dev.finnews.ingest.Outcome;
import dev.finnews.ingest.S3ObjectSource;
import dev.finnews.store.ArticleSummary;
import dev.finnews.store.Lookup;
import dev.finnews.store.Page;
import dev.finnews.store.PageRequest;
import dev.finnews.store.PageToken;
import dev.finnews.store.SortOrder;
import dev.finnews.store.aws.AwsSettings;
import dev.finnews.store.dynamo.DynamoArticleStore;
import dev.finnews.store.dynamo.TableSchema;
import dev.finnews.testing.AwsCallCounter;
import dev.finnews.testing.MotoServer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Bulk ingest: uploads N generated files to moto, then ingests every one through the real ingest service
 * (S3 read, parse, one DynamoDB transaction), reporting articles/s, AWS calls per article and the
 * process's resident memory after 1,000 files and at the end (it must stay flat), and proves every stored
 * article is listed by the latest-articles lookup afterwards.
 *
 * <p>The files go through in shards of {@value #ARTICLES_PER_TABLE}, each with its own table, checked and
 * then dropped: moto copies a whole table for every transaction and keeps growing, so one big table
 * would measure moto, not finnews (DynamoDB has no such cost). Only the ingest calls are timed and
 * counted. Arguments: {@code files} (default 10000).
 */
public final class BulkIngestReport {
    private static final String BUCKET = "bulk";
    static final int ARTICLES_PER_TABLE = 25;

    private BulkIngestReport() {
    }

    public static void main(String[] args) throws IOException {
        System.out.print(run(args.length > 0 ? Integer.parseInt(args[0]) : 10_000));
    }

    public static String run(int files) throws IOException {
        MotoServer moto = MotoServer.get();
        Map<String, String> env = Map.of(
                "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test");
        AwsCallCounter calls = new AwsCallCounter();
        AwsSettings aws = AwsSettings.fromEnv(env).withInterceptors(List.of(calls));
        CorpusGenerator generator = new CorpusGenerator(2026);
        long bytes = 0;
        try (DynamoDbClient ddb = aws.configure(DynamoDbClient.builder()).build();
             S3Client s3 = aws.configure(S3Client.builder()).forcePathStyle(true).build()) {
            ObjectSource objects = new S3ObjectSource(s3);
            Extractor extractor = Extractor.parser(Limits.DEFAULT_MAX_BYTES);
            Map<String, Integer> outcomes = new TreeMap<>();
            int awsCalls = 0;
            int dynamoCalls = 0;
            int s3Calls = 0;
            int stored = 0;
            int listed = 0;
            long rssAt1k = 0;
            long ingestNanos = 0;
            for (int first = 0; first < files; first += ARTICLES_PER_TABLE) {
                // one shard: its bucket, table and objects; ingest (timed and counted); check; reset moto
                String table = "bulk-" + first;
                s3.createBucket(b -> b.bucket(BUCKET));
                TableSchema.ensure(ddb, table);
                List<CorpusGenerator.GeneratedFile> shard = new ArrayList<>();
                List<String> eTags = new ArrayList<>();
                for (int i = first; i < Math.min(files, first + ARTICLES_PER_TABLE); i++) {
                    CorpusGenerator.GeneratedFile f = generator.file(i);
                    shard.add(f);
                    bytes += f.content().length;
                    eTags.add(s3.putObject(b -> b.bucket(BUCKET).key(key(f)), RequestBody.fromBytes(f.content())).eTag());
                }
                IngestService service = new IngestService(new DynamoArticleStore(ddb, table), objects, extractor,
                        IngestLimits.fromEnv(Map.of("FINNEWS_TABLE", table)), Clock.systemUTC());
                Set<String> storedIds = new HashSet<>();
                calls.reset();
                long start = System.nanoTime();
                for (int j = 0; j < shard.size(); j++) {
                    CorpusGenerator.GeneratedFile f = shard.get(j);
                    Outcome o = service.ingest(new ObjectChange.Created(new S3Location(BUCKET, key(f)), eTags.get(j),
                            (long) f.content().length, String.format(Locale.ROOT, "%016X", first + j + 1L)));
                    outcomes.merge(o.name(), 1, Integer::sum);
                    if (o instanceof Outcome.Stored) {
                        storedIds.add(o.id());
                    }
                }
                ingestNanos += System.nanoTime() - start;
                awsCalls += calls.total();
                dynamoCalls += calls.of("DynamoDb");
                s3Calls += calls.of("S3");
                stored += storedIds.size();
                listed += countLatest(new DynamoArticleStore(ddb, table), storedIds);
                moto.reset(); // dropping the table is not enough: moto frees its memory only on a reset
                if (rssAt1k == 0 && first + shard.size() >= Math.min(1_000, files)) {
                    rssAt1k = residentKb();
                }
            }
            double seconds = ingestNanos / 1e9;
            long rssAtEnd = residentKb();
            if (listed != stored) {
                throw new IllegalStateException("only " + listed + " of " + stored + " stored articles are listed");
            }
            return String.format(Locale.ROOT,
                    "| files | MB | outcomes | articles/s | AWS calls/article | DynamoDB/article | S3/article | RSS at %d files | RSS at %d files | listed afterwards |%n"
                            + "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|%n"
                            + "| %d | %.1f | %s | %.0f | %.2f | %.2f | %.2f | %d MB | %d MB | %d of %d |%n",
                    Math.min(1_000, files), files, files, bytes / 1e6, outcomes, files / seconds,
                    awsCalls / (double) files, dynamoCalls / (double) files, s3Calls / (double) files,
                    rssAt1k / 1024, rssAtEnd / 1024, listed, stored);
        }
    }

    /** Pages through the latest-articles lookup and counts the stored ids it lists (each must appear once). */
    private static int countLatest(DynamoArticleStore store, Set<String> storedIds) {
        Set<String> seen = new HashSet<>();
        PageToken next = null;
        do {
            Page<ArticleSummary> page = store.list(new Lookup.Latest(), new PageRequest(100, SortOrder.DESC, null, null, next));
            for (ArticleSummary s : page.items()) {
                if (!seen.add(s.id())) {
                    throw new IllegalStateException("article " + s.id() + " listed twice");
                }
            }
            next = page.next();
        } while (next != null);
        seen.retainAll(storedIds);
        return seen.size();
    }

    private static String key(CorpusGenerator.GeneratedFile f) {
        return "批量/" + f.name();
    }

    /** Resident set size of this process in KB (Linux). */
    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
