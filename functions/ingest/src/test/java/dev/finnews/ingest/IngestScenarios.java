package dev.finnews.ingest;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.finnews.article.ArticleId;
import dev.finnews.article.Limits;
import dev.finnews.article.S3Location;
import dev.finnews.parser.ArticleParser;
import dev.finnews.store.ArticleSummary;
import dev.finnews.store.FailureRecord;
import dev.finnews.store.Lookup;
import dev.finnews.store.PageRequest;
import dev.finnews.store.StoredArticle;
import dev.finnews.store.aws.AwsSettings;
import dev.finnews.store.dynamo.DynamoArticleStore;
import dev.finnews.store.dynamo.TableSchema;
import dev.finnews.testing.AwsCallCounter;
import dev.finnews.testing.Corpus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ingest scenarios, run with the real handler in-process against an AWS emulator (moto or
 * LocalStack, see the subclasses). Every test has its own bucket and table; ordering, delete and
 * re-upload scenarios assert the table's full contents.
 */
abstract class IngestScenarios {
    private static final String MAY_17 = "Tue, 17 May 2022 11:06:04 GMT";
    private static final String JUL_09 = "Sat, 09 Jul 2022 23:54:27 GMT";

    /** The emulator's endpoint. */
    abstract URI endpoint();

    protected final AwsCallCounter calls = new AwsCallCounter();
    protected final FailOnce faults = new FailOnce();
    protected final ActionCounter transactions = new ActionCounter();
    protected final List<String> logLines = new CopyOnWriteArrayList<>();
    protected String bucket;
    protected String table;
    protected S3Client s3;
    protected DynamoDbClient ddb;
    protected DynamoArticleStore store;
    protected Map<String, String> env;
    private IngestHandler handler;
    private int nextSequencer;

    @BeforeEach
    void createBucketAndTable() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        bucket = "ingest-it-" + suffix;
        table = "ingest-it-" + suffix;
        env = new HashMap<>(Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "FINNEWS_TABLE", table));
        AwsSettings aws = AwsSettings.fromEnv(env);
        s3 = aws.configure(S3Client.builder()).forcePathStyle(true).build();
        ddb = aws.configure(DynamoDbClient.builder()).build();
        s3.createBucket(r -> r.bucket(bucket));
        TableSchema.create(ddb, table);
        store = new DynamoArticleStore(ddb, table);
        handler = null;
    }

    // ------------------------------------------------------------------ scenarios

    @Test
    void keysWithChineseSpacesPlusAndSlashesAreDecodedOnce() {
        List<String> keys = List.of("金融/新浪 财经+快讯.md", "a b/c+d/e%20f.md", "今日推荐 / 精选/测试.md");
        List<S3EventNotificationRecord> records = new ArrayList<>();
        for (String key : keys) {
            records.add(S3Events.created(bucket, key, put(key, Fixtures.article("测试 " + key.length(), MAY_17, List.of())), null, seq()));
        }
        handle(records.toArray(S3EventNotificationRecord[]::new));

        for (String key : keys) {
            StoredArticle a = store.get(ArticleId.of(bucket, key)).orElseThrow();
            assertThat(a.source()).isEqualTo(new S3Location(bucket, key));
        }
        // a key whose '/' S3 left unencoded decodes to the same object
        assertThat(handle(S3Events.record("ObjectCreated:Put", bucket, "%E9%87%91%E8%9E%8D/%E6%96%B0%E6%B5%AA+%E8%B4%A2%E7%BB%8F%2B%E5%BF%AB%E8%AE%AF.md",
                eTagOf("金融/新浪 财经+快讯.md"), null, null))).isEqualTo("{\"unchanged\":1}");
    }

    @Test
    void everyCorpusFileIsIngestedAndReadBack() throws IOException {
        List<Path> files = Corpus.devFiles();
        List<S3EventNotificationRecord> records = new ArrayList<>();
        for (Path file : files) {
            String key = "corpus/" + file.getFileName();
            byte[] content = Files.readAllBytes(file);
            records.add(S3Events.created(bucket, key, put(key, content), (long) content.length, seq()));
        }
        handle(records.toArray(S3EventNotificationRecord[]::new));

        List<FailureRecord> failures = store.failures(PageRequest.first(100)).items();
        List<ArticleSummary> latest = store.list(new Lookup.Latest(), PageRequest.first(100)).items();
        for (Path file : files) {
            String key = "corpus/" + file.getFileName();
            boolean stored = store.get(ArticleId.of(bucket, key)).isPresent();
            boolean failed = failures.stream().anyMatch(f -> f.key().equals(key));
            assertThat(stored ^ failed).as("%s is either an article or a failure", key).isTrue();
            if (stored) {
                StoredArticle a = store.get(ArticleId.of(bucket, key)).orElseThrow();
                // the table gives back exactly what the parser extracts from the same bytes
                assertThat(a.article()).as(key).isEqualTo(parse(file, key));
                assertThat(a.textTruncated()).isFalse();
                assertThat(a.parserVersion()).isEqualTo(ArticleParser.VERSION);
                assertThat(a.eTag()).isEqualTo(eTagOf(key));
                assertThat(latest).anyMatch(s -> s.id().equals(a.article().id()) && s.source().equals(a.source()));
            }
        }
        assertThat(latest.size() + failures.size()).isEqualTo(files.size());
        assertThat(latest.size()).as("nearly every real file is an article").isGreaterThanOrEqualTo(files.size() - 2);
    }

    @Test
    void aDuplicateDeliveryLeavesTheTableAsOnceAndCostsOneRead() {
        String key = "dup.md";
        S3Event event = S3Events.of(S3Events.created(bucket, key, put(key, Fixtures.article("重复投递", MAY_17,
                Fixtures.stocks(0, 2))), null, seq()));
        S3Events.deliver(handler(), event);
        Map<String, Map<String, AttributeValue>> once = scan();

        calls.reset();
        assertThat(S3Events.deliver(handler(), event)).isEqualTo("{\"unchanged\":1}");
        assertThat(scan()).isEqualTo(once);
        assertThat(calls.of("DynamoDb")).isEqualTo(1);
        assertThat(calls.of("S3")).isZero();
    }

    @Test
    void anOlderCreateAfterANewerOneIsSkipped() {
        String key = "order.md";
        String e1 = put(key, Fixtures.article("旧版本", MAY_17, List.of()));
        String s1 = seq();
        String e2 = put(key, Fixtures.article("新版本", JUL_09, List.of()));
        String s2 = seq();

        handle(S3Events.created(bucket, key, e2, null, s2));
        Map<String, Map<String, AttributeValue>> afterNewer = scan();
        assertThat(handle(S3Events.created(bucket, key, e1, null, s1))).isEqualTo("{\"stale\":1}");

        assertThat(scan()).isEqualTo(afterNewer);
        assertThat(store.get(ArticleId.of(bucket, key)).orElseThrow().article().title()).isEqualTo("新版本");
    }

    @Test
    void aDeleteBeforeItsCreateLeavesOnlyTheTombstone() {
        String key = "gone.md";
        String e1 = put(key, Fixtures.article("短命", MAY_17, Fixtures.stocks(0, 1)));
        String s1 = seq();
        s3.deleteObject(r -> r.bucket(bucket).key(key));
        String s2 = seq();

        assertThat(handle(S3Events.removed(bucket, key, s2))).isEqualTo("{\"deleted\":1}");
        assertThat(handle(S3Events.created(bucket, key, e1, null, s1))).isEqualTo("{\"stale\":1}");

        assertThat(scan().keySet()).containsExactly("A#" + ArticleId.of(bucket, key) + "|A");
        assertThat(scan().values().iterator().next().get("state").s()).isEqualTo("DELETED");
    }

    @Test
    void putDeletePutArrivingAsPutPutDeleteKeepsTheLastPut() {
        String key = "pdp.md";
        String e1 = put(key, Fixtures.article("第一版", MAY_17, Fixtures.stocks(0, 1)));
        String s1 = seq();
        s3.deleteObject(r -> r.bucket(bucket).key(key));
        String s2 = seq();
        String e3 = put(key, Fixtures.article("第三版", JUL_09, Fixtures.stocks(5, 1)));
        String s3seq = seq();

        handle(S3Events.created(bucket, key, e1, null, s1));
        handle(S3Events.created(bucket, key, e3, null, s3seq));
        assertThat(handle(S3Events.removed(bucket, key, s2))).isEqualTo("{\"stale\":1}");

        String id = ArticleId.of(bucket, key);
        assertThat(store.get(id).orElseThrow().article().title()).isEqualTo("第三版");
        assertThat(nonCountKeys()).allMatch(k -> k.startsWith("A#" + id) || k.endsWith("#" + id))
                .contains("L#STOCK#sh600005|2022-07-09T23:54:27.000Z#" + id)
                .doesNotContain("L#STOCK#sh600000|2022-05-17T11:06:04.000Z#" + id);
    }

    @Test
    void withoutSequencersS3sCurrentStateDecides() {
        String key = "moto.md";
        String e1 = put(key, Fixtures.article("第一版", MAY_17, List.of()));
        String e2 = put(key, Fixtures.article("第二版", JUL_09, List.of()));

        assertThat(handle(S3Events.created(bucket, key, e1, null, null))).isEqualTo("{\"stale\":1}");
        assertThat(handle(S3Events.created(bucket, key, e2, null, null))).isEqualTo("{\"stored\":1}");
        assertThat(handle(S3Events.removed(bucket, key, null))).isEqualTo("{\"stale\":1}");
        assertThat(store.get(ArticleId.of(bucket, key))).isPresent();

        s3.deleteObject(r -> r.bucket(bucket).key(key));
        assertThat(handle(S3Events.removed(bucket, key, null))).isEqualTo("{\"deleted\":1}");
        assertThat(handle(S3Events.created(bucket, key, e2, null, null))).isEqualTo("{\"stale\":1}");
        assertThat(nonCountKeys()).containsExactly("A#" + ArticleId.of(bucket, key) + "|A");
    }

    @Test
    void aReUploadWithChangedStocksLeavesNoStaleEntry() {
        String key = "stocks.md";
        handle(S3Events.created(bucket, key, put(key, Fixtures.article("换股", MAY_17, List.of(
                new Fixtures.Stock("sh601988", "中国银行"), new Fixtures.Stock("sz000001", "平安银行")))), null, seq()));
        handle(S3Events.created(bucket, key, put(key, Fixtures.article("换股", MAY_17, List.of(
                new Fixtures.Stock("sz000001", "平安银行"), new Fixtures.Stock("sh600036", "招商银行")))), null, seq()));

        String id = ArticleId.of(bucket, key);
        String sk = "2022-05-17T11:06:04.000Z#" + id;
        assertThat(scan().keySet()).containsExactlyInAnyOrder("A#" + id + "|A",
                "L#ALL|" + sk, "L#DATE#2022-05-17|" + sk,
                "L#CAT#金融|" + sk, "L#CAT#新浪财经|" + sk, "L#CAT#新浪财经-国内|" + sk,
                "L#STOCK#sz000001|" + sk, "L#STOCK#sh600036|" + sk,
                "COUNT#CAT|金融", "COUNT#CAT|新浪财经", "COUNT#CAT|新浪财经-国内",
                "COUNT#STOCK|sh601988", "COUNT#STOCK|sz000001", "COUNT#STOCK|sh600036");
        assertThat(count("COUNT#STOCK|sh601988")).isZero();
        assertThat(count("COUNT#STOCK|sz000001")).isEqualTo(1);
        assertThat(count("COUNT#STOCK|sh600036")).isEqualTo(1);
        assertThat(count("COUNT#CAT|新浪财经-国内")).isEqualTo(1);
    }

    @Test
    void aDeleteLeavesOnlyTheTombstoneAndZeroCounts() {
        String key = "del.md";
        handle(S3Events.created(bucket, key, put(key, Fixtures.article("将被删除", MAY_17, Fixtures.stocks(0, 2))), null, seq()));
        s3.deleteObject(r -> r.bucket(bucket).key(key));
        calls.reset();
        assertThat(handle(S3Events.removed(bucket, key, seq()))).isEqualTo("{\"deleted\":1}");

        assertThat(calls.total()).as("a delete costs two requests").isLessThanOrEqualTo(2);
        assertThat(nonCountKeys()).containsExactly("A#" + ArticleId.of(bucket, key) + "|A");
        Map<String, AttributeValue> tombstone = scan().get("A#" + ArticleId.of(bucket, key) + "|A");
        assertThat(tombstone.keySet()).containsExactlyInAnyOrder("pk", "sk", "state", "revision", "sequencer", "id",
                "bucket", "key", "deletedAt", "expiresAt");
        assertThat(scan().entrySet()).filteredOn(e -> e.getKey().startsWith("COUNT#"))
                .allMatch(e -> e.getValue().get("articles").n().equals("0"));
    }

    @Test
    void aBrokenFileBesideGoodFilesInOneEventIsRecordedAndTheOthersStored() {
        handle(S3Events.created(bucket, "good1.md", put("good1.md", Fixtures.article("好文一", MAY_17, List.of())), null, seq()),
                S3Events.created(bucket, "broken.md", put("broken.md", Fixtures.BROKEN), null, seq()),
                S3Events.created(bucket, "good2.md", put("good2.md", Fixtures.article("好文二", JUL_09, List.of())), null, seq()));

        assertThat(store.get(ArticleId.of(bucket, "good1.md"))).isPresent();
        assertThat(store.get(ArticleId.of(bucket, "good2.md"))).isPresent();
        assertThat(store.failures(PageRequest.first(10)).items()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("broken.md");
            assertThat(f.reason()).isEqualTo("NO_FRONT_MATTER");
        });
        assertThat(logLines).filteredOn(l -> l.contains("\"key\":\"broken.md\"")).singleElement().asString()
                .contains("\"outcome\":\"failed\"", "\"reason\":\"NO_FRONT_MATTER\"");

        // the fixed file clears the failure
        handle(S3Events.created(bucket, "broken.md", put("broken.md", Fixtures.article("修好了", MAY_17, List.of())), null, seq()));
        assertThat(store.failures(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void uploadDeleteBrokenUploadWithTheFailureFirstLeavesOnlyTheFailure() {
        String key = "udb.md";
        String e1 = put(key, Fixtures.article("将被删除再坏掉", MAY_17, Fixtures.stocks(0, 2)));
        String s1 = seq();
        handle(S3Events.created(bucket, key, e1, null, s1));
        s3.deleteObject(r -> r.bucket(bucket).key(key));
        String s2 = seq();
        String e3 = put(key, Fixtures.BROKEN);
        String s3seq = seq();

        assertThat(handle(S3Events.created(bucket, key, e3, null, s3seq))).isEqualTo("{\"failed\":1}");
        assertThat(handle(S3Events.removed(bucket, key, s2))).isEqualTo("{\"deleted\":1}");

        String id = ArticleId.of(bucket, key);
        assertThat(store.get(id)).isEmpty();
        assertThat(nonCountKeys()).hasSize(2).contains("A#" + id + "|A").anyMatch(k -> k.startsWith("FAIL|"));
        assertThat(scan().get("A#" + id + "|A").get("state").s()).isEqualTo("FAILED");
        assertThat(scan().get("A#" + id + "|A").get("sequencer").s()).isEqualTo(s3seq);
        assertThat(scan().entrySet()).filteredOn(e -> e.getKey().startsWith("COUNT#"))
                .allMatch(e -> e.getValue().get("articles").n().equals("0"));
    }

    @Test
    void theSameBrokenFileUploadedAgainIsUnchanged() {
        String e1 = put("again.md", Fixtures.BROKEN);
        assertThat(handle(S3Events.created(bucket, "again.md", e1, null, seq()))).isEqualTo("{\"failed\":1}");
        String e2 = put("again.md", Fixtures.BROKEN);
        String s2 = seq();

        assertThat(handle(S3Events.created(bucket, "again.md", e2, null, s2))).isEqualTo("{\"unchanged\":1}");
        assertThat(scan().get("A#" + ArticleId.of(bucket, "again.md") + "|A").get("sequencer").s()).isEqualTo(s2);
        assertThat(store.failures(PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void anOversizedObjectIsNotDownloaded() {
        env.put("FINNEWS_MAX_OBJECT_BYTES", "2000");
        String big = Fixtures.article("很长", MAY_17, Fixtures.stocks(0, 15));
        assertThat(big.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(2000);
        String e1 = put("big.md", big);
        calls.reset();

        assertThat(handle(S3Events.created(bucket, "big.md", e1, (long) big.getBytes(StandardCharsets.UTF_8).length, seq())))
                .isEqualTo("{\"failed\":1}");
        assertThat(calls.of("S3")).isZero();
        // with no size in the event, one GetObject whose body is abandoned
        calls.reset();
        String e2 = put("big2.md", big);
        assertThat(handle(S3Events.created(bucket, "big2.md", e2, null, seq()))).isEqualTo("{\"failed\":1}");
        assertThat(calls.of("S3")).isEqualTo(1);
        assertThat(store.failures(PageRequest.first(10)).items()).extracting(FailureRecord::reason)
                .containsExactly("TOO_LARGE", "TOO_LARGE");
    }

    @Test
    void aTransientFaultOnOneRecordIsRetriedWithTheWholeEvent() {
        S3Event event = S3Events.of(
                S3Events.created(bucket, "a.md", put("a.md", Fixtures.article("甲", MAY_17, List.of())), null, seq()),
                S3Events.created(bucket, "b.md", put("b.md", Fixtures.article("乙", MAY_17, List.of())), null, seq()),
                S3Events.created(bucket, "c.md", put("c.md", Fixtures.article("丙", JUL_09, List.of())), null, seq()));
        faults.failNext(r -> r instanceof GetObjectRequest g && g.key().equals("b.md"));

        assertThatThrownBy(() -> S3Events.deliver(handler(), event)).isInstanceOf(IngestHandler.IngestRetryException.class);
        assertThat(store.get(ArticleId.of(bucket, "a.md"))).isPresent();
        assertThat(store.get(ArticleId.of(bucket, "b.md"))).isEmpty();
        assertThat(store.get(ArticleId.of(bucket, "c.md"))).isPresent();

        assertThat(S3Events.deliver(handler(), event)).isEqualTo("{\"stored\":1,\"unchanged\":2}");
        assertThat(store.list(new Lookup.Latest(), PageRequest.first(10)).items()).hasSize(3);
    }

    @Test
    void anArticleAtEveryCapIsWrittenInOneTransactionOfAtMostOneHundredActions() {
        String key = "caps.md";
        handle(S3Events.created(bucket, key, put(key, Fixtures.article("上限", List.of("一级", "二级", "三级"), MAY_17,
                Fixtures.stocks(0, Limits.MAX_STOCKS + 5))), null, seq()));
        StoredArticle first = store.get(ArticleId.of(bucket, key)).orElseThrow();
        assertThat(first.article().stocks()).hasSize(Limits.MAX_STOCKS);

        transactions.sizes.clear();
        handle(S3Events.created(bucket, key, put(key, Fixtures.article("上限", List.of("甲级", "乙级", "丙级"), JUL_09,
                Fixtures.stocks(100, Limits.MAX_STOCKS))), null, seq()));

        assertThat(transactions.sizes).containsExactly(6 + 4 * (Limits.MAX_CATEGORIES + Limits.MAX_STOCKS) - 1);
        assertThat(nonCountKeys()).hasSize(1 + 1 + 1 + Limits.MAX_CATEGORIES + Limits.MAX_STOCKS);
    }

    @Test
    void parallelWritersKeepCountsExactAndTheNewestVersionWins() throws Exception {
        List<S3EventNotificationRecord> distinct = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String key = "par/" + i + ".md";
            distinct.add(S3Events.created(bucket, key, put(key, Fixtures.article("并发" + i, MAY_17, Fixtures.stocks(i % 3, 1))), null, seq()));
        }
        List<S3EventNotificationRecord> versions = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
            versions.add(S3Events.created(bucket, "race.md", put("race.md", Fixtures.article("版本" + v, MAY_17, Fixtures.stocks(10 + v, 1))), null, seq()));
        }
        IngestHandler shared = handler();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<S3EventNotificationRecord> mine = new ArrayList<>(distinct.subList(t * 3, t * 3 + 3));
                mine.add(versions.get(3 - t)); // the versions arrive in reverse order, concurrently
                done.add(pool.submit(() -> S3Events.deliver(shared, S3Events.of(mine.toArray(S3EventNotificationRecord[]::new)))));
            }
            for (java.util.concurrent.Future<String> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(count("COUNT#CAT|金融")).isEqualTo(13);
        assertThat(count("COUNT#STOCK|sh600000") + count("COUNT#STOCK|sh600001") + count("COUNT#STOCK|sh600002")).isEqualTo(12);
        assertThat(store.get(ArticleId.of(bucket, "race.md")).orElseThrow().article().title()).isEqualTo("版本3");
        String raceId = ArticleId.of(bucket, "race.md");
        assertThat(nonCountKeys()).filteredOn(k -> k.startsWith("L#STOCK#") && k.endsWith(raceId))
                .containsExactly("L#STOCK#sh600013|2022-05-17T11:06:04.000Z#" + raceId);
    }

    @Test
    void theCostBudgetHolds() {
        String key = "cost.md";
        String e1 = put(key, Fixtures.article("成本", MAY_17, Fixtures.stocks(0, 3)));
        String s1 = seq();
        calls.reset();
        handle(S3Events.created(bucket, key, e1, null, s1));
        assertThat(calls.of("S3")).as("new: S3 reads").isLessThanOrEqualTo(1);
        assertThat(calls.of("DynamoDb")).as("new: DynamoDB requests").isLessThanOrEqualTo(2);

        calls.reset();
        handle(S3Events.created(bucket, key, e1, null, s1));
        assertThat(calls.total()).as("unchanged re-delivery").isLessThanOrEqualTo(1);

        calls.reset();
        handle(S3Events.created(bucket, key, e1, null, null));
        assertThat(calls.of("DynamoDb")).as("unchanged, no sequencer").isLessThanOrEqualTo(1);
        assertThat(calls.of("S3")).isLessThanOrEqualTo(1);

        String e2 = put(key, Fixtures.article("成本二", JUL_09, Fixtures.stocks(1, 3)));
        calls.reset();
        handle(S3Events.created(bucket, key, e2, null, seq()));
        assertThat(calls.of("S3")).as("changed: S3 reads").isLessThanOrEqualTo(1);
        assertThat(calls.of("DynamoDb")).as("changed: DynamoDB requests").isLessThanOrEqualTo(2);

        s3.deleteObject(r -> r.bucket(bucket).key(key));
        calls.reset();
        handle(S3Events.removed(bucket, key, seq()));
        assertThat(calls.total()).as("delete").isLessThanOrEqualTo(2);
    }

    // ------------------------------------------------------------------ helpers

    private dev.finnews.article.Article parse(Path file, String key) {
        try {
            return new ArticleParser(Limits.DEFAULT_MAX_BYTES).parse(Files.readAllBytes(file), bucket, key);
        } catch (IOException | dev.finnews.parser.ParseException e) {
            throw new AssertionError(e);
        }
    }

    protected IngestHandler handler() {
        if (handler == null) {
            // the real handler and service; only the log sink is the test's
            handler = new IngestHandler(IngestServices.fromEnv(env, List.of(calls, faults, transactions)), logLines::add);
        }
        return handler;
    }

    protected String handle(S3EventNotificationRecord... records) {
        handler = null; // picks up env changes made by the test
        return S3Events.deliver(handler(), S3Events.of(records));
    }

    /** Uploads and returns the bare eTag, as events carry it. */
    protected String put(String key, String content) {
        return put(key, content.getBytes(StandardCharsets.UTF_8));
    }

    protected String put(String key, byte[] content) {
        return ETags.bare(s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(content)).eTag());
    }

    protected String eTagOf(String key) {
        return ETags.bare(s3.headObject(r -> r.bucket(bucket).key(key)).eTag());
    }

    /** Increasing sequencers of S3's shape, with lengths that differ to exercise the padding rule. */
    protected String seq() {
        nextSequencer++;
        return String.format(Locale.ROOT, "0062E99A88DC4074%02X", nextSequencer);
    }

    /** The whole table, by "pk|sk". */
    protected Map<String, Map<String, AttributeValue>> scan() {
        Map<String, Map<String, AttributeValue>> all = new TreeMap<>();
        ddb.scanPaginator(r -> r.tableName(table).consistentRead(true)).items()
                .forEach(item -> all.put(item.get("pk").s() + "|" + item.get("sk").s(), item));
        return all;
    }

    protected List<String> nonCountKeys() {
        return scan().keySet().stream().filter(k -> !k.startsWith("COUNT#")).toList();
    }

    protected long count(String key) {
        return Long.parseLong(scan().get(key).get("articles").n());
    }

    /** Fails the next request that matches, once, before it is sent: a stand-in for a timeout. */
    static final class FailOnce implements ExecutionInterceptor {
        private volatile Predicate<SdkRequest> next;

        void failNext(Predicate<SdkRequest> which) {
            next = which;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            Predicate<SdkRequest> which = next;
            if (which != null && which.test(context.request())) {
                next = null;
                throw SdkClientException.create("injected fault: connection timed out");
            }
        }
    }

    /** Records the number of actions of every TransactWriteItems sent. */
    static final class ActionCounter implements ExecutionInterceptor {
        final List<Integer> sizes = new CopyOnWriteArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof TransactWriteItemsRequest t) {
                sizes.add(t.transactItems().size());
            }
        }
    }
}
