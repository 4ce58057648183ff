package dev.finnews.ingest;

import dev.finnews.article.Article;
import dev.finnews.article.ArticleId;
import dev.finnews.article.Normalize;
import dev.finnews.article.StockMention;
import dev.finnews.parser.ArticleParser;
import dev.finnews.parser.ParseException;
import dev.finnews.parser.hostile.Expected;
import dev.finnews.parser.hostile.HostileFile;
import dev.finnews.parser.hostile.HostileFiles;
import dev.finnews.parser.hostile.Mutator;
import dev.finnews.store.FailureRecord;
import dev.finnews.store.Page;
import dev.finnews.store.PageRequest;
import dev.finnews.store.StoredArticle;
import dev.finnews.store.TextCut;
import dev.finnews.store.aws.AwsSettings;
import dev.finnews.store.dynamo.DynamoArticleStore;
import dev.finnews.store.dynamo.TableSchema;
import dev.finnews.testing.AwsCallCounter;
import dev.finnews.testing.Corpus;
import dev.finnews.testing.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The hostile-file catalogue (and seeded mutants of corpus and catalogue files) through the real ingest
 * handler against moto: each file ends as a stored article with exactly its expected warnings, or as a
 * recorded failure with the parser's error code. Nothing escapes and no record asks for a retry; a full
 * table scan afterwards shows, for each key, exactly the article and its lookup entries, or the failure
 * entry, and the counts those articles make.
 *
 * <p>{@code -Dfinnews.fuzz.ingest.files=N} sets the number of mutants ({@code -Plong} raises it).
 */
class HostileFilesIngestIT {
    private static final int MUTANTS = Integer.getInteger("finnews.fuzz.ingest.files", 150);
    private static final long SEED = Long.getLong("finnews.fuzz.seed", 0x1A6E_57L);
    /**
     * Mutants share a table in batches of this many, each batch checked by its own scan: moto copies the
     * whole table for every transaction, so one table of thousands of articles would make it crawl.
     */
    private static final int MUTANTS_PER_TABLE = 100;
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    /** The ingest defaults: objects up to the parser's limit, stored text up to 100,000 UTF-8 bytes. */
    private static final int MAX_TEXT_BYTES = 100_000;
    private static final DateTimeFormatter SORT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String UNCHANGED = "{\"unchanged\":1}";
    private static final String DUPLICATE_DELIVERY = "\"reason\":\"duplicate delivery\"";

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final AwsCallCounter calls = new AwsCallCounter();
    private final ArticleParser parser = new ArticleParser(HostileFiles.MAX_BYTES);
    private String bucket;
    private String table;
    private S3Client s3;
    private DynamoDbClient ddb;
    private DynamoArticleStore store;
    private IngestHandler handler;
    private int sequencer;
    private int replayedWrites;

    @BeforeEach
    void createBucketAndTable() {
        useNewBucketAndTable();
    }

    @AfterEach
    void dropBucketAndTable() {
        s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()
                .forEach(o -> s3.deleteObject(r -> r.bucket(bucket).key(o.key())));
        s3.deleteBucket(r -> r.bucket(bucket));
        ddb.deleteTable(r -> r.tableName(table));
    }

    /** A bucket and table of their own, and the real handler and service writing there (only the log sink is the test's). */
    private void useNewBucketAndTable() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        bucket = "hostile-it-" + suffix;
        table = "hostile-it-" + suffix;
        Map<String, String> env = Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", MotoServer.get().endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "FINNEWS_TABLE", table);
        AwsSettings aws = AwsSettings.fromEnv(env);
        s3 = aws.configure(S3Client.builder()).forcePathStyle(true).build();
        ddb = aws.configure(DynamoDbClient.builder()).build();
        s3.createBucket(r -> r.bucket(bucket));
        TableSchema.create(ddb, table);
        store = new DynamoArticleStore(ddb, table);
        handler = new IngestHandler(IngestServices.fromEnv(env, List.of(calls)), logLines::add);
    }

    @Test
    void everyCatalogueFileEndsAsItsArticleOrItsFailureAndNothingElse() {
        Map<String, Expected> expected = new LinkedHashMap<>();
        for (HostileFile file : HostileFiles.all()) {
            String key = "hostile/" + file.name();
            byte[] bytes = file.bytes();
            String eTag = upload(key, bytes);
            calls.reset();
            ingest(key, eTag, bytes.length, file.expected());
            if (bytes.length > HostileFiles.MAX_BYTES) {
                assertThat(calls.of("S3")).as("%s is refused from the event's size, never downloaded", key).isZero();
            }
            expected.put(key, file.expected());
            if (file.expected() instanceof Expected.ArticleWith) {
                file.details().accept(storedAsParsed(key, bytes));
            }
        }
        assertTheTableHoldsExactly(expected);
    }

    @Test
    void mutatedCorpusAndCatalogueFilesEndAsWhatTheParserSaysAndNothingElse() {
        Mutator mutator = new Mutator(Corpus.devContents(), HostileFiles.smallFiles(256 * 1024));
        long stored = 0;
        for (int first = 0; first < MUTANTS; first += MUTANTS_PER_TABLE) {
            if (first > 0) {
                dropBucketAndTable();
                useNewBucketAndTable();
            }
            Map<String, Expected> expected = new LinkedHashMap<>();
            for (int n = first; n < Math.min(MUTANTS, first + MUTANTS_PER_TABLE); n++) {
                String key = "mutant/" + n + ".md";
                byte[] bytes = mutator.next(Mutator.randomFor(SEED, n));
                Expected outcome = parserOutcome(bytes, key);
                ingest(key, upload(key, bytes), bytes.length, outcome);
                expected.put(key, outcome);
            }
            assertTheTableHoldsExactly(expected);
            stored += expected.values().stream().filter(e -> e instanceof Expected.ArticleWith).count();
        }
        System.out.printf("hostile ingest: %d mutants (seed %#x): %d stored, %d failed, %d writes replayed by the SDK%n",
                MUTANTS, SEED, stored, MUTANTS - stored, replayedWrites);
    }

    // ------------------------------------------------------------------ one file

    /** Uploads the file and returns its bare eTag, as events carry it. */
    private String upload(String key, byte[] bytes) {
        return ETags.bare(s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(bytes)).eTag());
    }

    /** Delivers the upload's event (with its size and a new sequencer) to the handler; checks its answer and log line. */
    private void ingest(String key, String eTag, long size, Expected expected) {
        String seq = String.format(Locale.ROOT, "0062E99A88DC4074%08X", ++sequencer);
        String answer = assertTimeoutPreemptively(HANG_GUARD, () -> S3Events.deliver(handler,
                S3Events.of(S3Events.created(bucket, key, eTag, size, seq))), key + " hung");

        String outcome = expected instanceof Expected.ArticleWith ? "stored" : "failed";
        String logged = logLines.get(logLines.size() - 1);
        if (answer.equals(UNCHANGED) && logged.contains(DUPLICATE_DELIVERY)) {
            // the write's response was lost (a slow emulator under load) and the SDK's retry found it done:
            // the right answer for a replayed write; the table check below proves what was written
            replayedWrites++;
            return;
        }
        assertThat(answer).as("%s, logged as %s", key, logged).isEqualTo("{\"" + outcome + "\":1}");
        assertThat(logged).as(key).contains("\"outcome\":\"" + outcome + "\"");
        if (expected instanceof Expected.Failure failure) {
            assertThat(logged).as(key).contains("\"reason\":\"" + failure.code() + "\"");
        }
    }

    /** Checks that the stored article is the parser's, with the text cut to the ingest limit, and returns the parser's. */
    private Article storedAsParsed(String key, byte[] bytes) {
        StoredArticle stored = store.get(ArticleId.of(bucket, key)).orElseThrow(() -> new AssertionError(key + " not stored"));
        Article parsed = parse(bytes, key);
        String text = TextCut.toUtf8Bytes(parsed.text(), MAX_TEXT_BYTES);
        assertThat(stored.textTruncated()).as(key).isEqualTo(!text.equals(parsed.text()));
        assertThat(stored.article()).as(key).usingRecursiveComparison().ignoringFields("text").isEqualTo(parsed);
        assertThat(stored.article().text()).as(key).isEqualTo(text);
        assertThat(stored.parserVersion()).isEqualTo(ArticleParser.VERSION);
        return parsed;
    }

    private Expected parserOutcome(byte[] bytes, String key) {
        try {
            Article a = parser.parse(bytes, bucket, key);
            return new Expected.ArticleWith(a.warnings().stream().map(dev.finnews.article.Warning::valueOf).toList());
        } catch (ParseException e) {
            return new Expected.Failure(e.code());
        }
    }

    private Article parse(byte[] bytes, String key) {
        try {
            return parser.parse(bytes, bucket, key);
        } catch (ParseException e) {
            throw new AssertionError(key + " should parse", e);
        }
    }

    // ------------------------------------------------------------------ the whole table

    /**
     * A full scan holds, per key, exactly the article item and one lookup entry per partition it belongs
     * in (all under its one sort key), or exactly the failure marker and one failure entry with the
     * expected reason; the counts are the number of stored articles per category and stock.
     */
    private void assertTheTableHoldsExactly(Map<String, Expected> expected) {
        Map<String, Map<String, AttributeValue>> table = scan();
        Set<String> expectedKeys = new TreeSet<>();
        Map<String, Long> expectedCounts = new TreeMap<>();
        Map<String, FailureRecord> failures = failuresByKey();

        for (Map.Entry<String, Expected> e : expected.entrySet()) {
            String key = e.getKey();
            String id = ArticleId.of(bucket, key);
            Map<String, AttributeValue> item = table.get("A#" + id + "|A");
            assertThat(item).as("the A# item of %s", key).isNotNull();
            if (e.getValue() instanceof Expected.ArticleWith article) {
                assertThat(item.get("state").s()).as(key).isEqualTo("ARTICLE");
                Article stored = store.get(id).orElseThrow().article();
                assertThat(stored.warnings()).as("warnings of %s", key).containsExactlyInAnyOrderElementsOf(article.names());
                String sortKey = item.get("lookupSk").s();
                assertThat(sortKey).as(key).endsWith("#" + id);
                if (stored.publishedAt() != null) {
                    assertThat(sortKey).as(key).isEqualTo(SORT_TIME.format(stored.publishedAt()) + "#" + id);
                }
                expectedKeys.add("A#" + id + "|A");
                for (String partition : partitions(stored)) {
                    expectedKeys.add(partition + "|" + sortKey);
                    if (partition.startsWith("L#CAT#")) {
                        expectedCounts.merge("COUNT#CAT|" + partition.substring("L#CAT#".length()), 1L, Long::sum);
                    } else if (partition.startsWith("L#STOCK#")) {
                        expectedCounts.merge("COUNT#STOCK|" + partition.substring("L#STOCK#".length()), 1L, Long::sum);
                    }
                }
            } else {
                Expected.Failure failure = (Expected.Failure) e.getValue();
                assertThat(item.get("state").s()).as(key).isEqualTo("FAILED");
                assertThat(failures.get(key)).as("the failure entry of %s", key).isNotNull()
                        .extracting(FailureRecord::reason).isEqualTo(failure.code().name());
                expectedKeys.add("A#" + id + "|A");
                expectedKeys.add("FAIL|" + item.get("failureSk").s());
            }
        }
        assertThat(failures).hasSize((int) expected.values().stream().filter(e -> e instanceof Expected.Failure).count());
        Set<String> actualKeys = new TreeSet<>(table.keySet());
        actualKeys.removeIf(k -> k.startsWith("COUNT#"));
        assertThat(actualKeys).as("every item but the counts").containsExactlyElementsOf(expectedKeys);

        Map<String, Long> counts = new TreeMap<>();
        table.forEach((k, item) -> {
            if (k.startsWith("COUNT#")) {
                counts.put(k, Long.parseLong(item.get("articles").n()));
            }
        });
        assertThat(counts).as("article counts per category and stock").isEqualTo(expectedCounts);
    }

    /** Every entry of the failures list ({@code DynamoArticleStore#failures}, page by page), by object key. */
    private Map<String, FailureRecord> failuresByKey() {
        Map<String, FailureRecord> byKey = new HashMap<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<FailureRecord> page = store.failures(request);
            page.items().forEach(f -> assertThat(byKey.put(f.key(), f)).as("one failure entry for %s", f.key()).isNull());
            if (page.next() == null) {
                return byKey;
            }
            request = request.next(page.next());
        }
    }

    /** The lookup partitions an article belongs in, as docs/architecture.md lays them out. */
    private static Set<String> partitions(Article a) {
        Set<String> pks = new LinkedHashSet<>();
        pks.add("L#ALL");
        for (String level : a.categories()) {
            String k = TextCut.toUtf8Bytes(Normalize.key(level), 1000);
            if (!k.isEmpty()) {
                pks.add("L#CAT#" + k);
            }
        }
        if (a.publishDate() != null) {
            pks.add("L#DATE#" + a.publishDate());
        }
        for (StockMention m : a.stocks()) {
            pks.add("L#STOCK#" + m.symbol());
        }
        return pks;
    }

    private Map<String, Map<String, AttributeValue>> scan() {
        Map<String, Map<String, AttributeValue>> all = new TreeMap<>();
        ddb.scanPaginator(r -> r.tableName(table).consistentRead(true)).items()
                .forEach(item -> all.put(item.get("pk").s() + "|" + item.get("sk").s(), item));
        return all;
    }

}
