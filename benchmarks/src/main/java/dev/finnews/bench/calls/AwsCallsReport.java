package dev.finnews.bench.calls;

import dev.finnews.article.Article;
import dev.finnews.article.S3Location;
import dev.finnews.article.StockMention;
import dev.finnews.ingest.IngestService;
import dev.finnews.ingest.IngestServices;
import dev.finnews.ingest.ObjectChange;
import dev.finnews.parser.ArticleParser;
import dev.finnews.query.HttpRequest;
import dev.finnews.query.HttpResponse;
import dev.finnews.query.QueryApi;
import dev.finnews.query.QueryConfig;
import dev.finnews.store.aws.AwsSettings;
import dev.finnews.store.dynamo.DynamoArticleStore;
import dev.finnews.store.dynamo.TableSchema;
import dev.finnews.testing.AwsCallCounter;
import dev.finnews.testing.MotoServer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * AWS requests per operation, counted by an SDK interceptor while every file of the dev corpus goes
 * through each ingest path (new, duplicate, unchanged without a sequencer, delete) and every lookup it
 * belongs to is queried once. Prints mean and max per operation next to the budget of issues 3 and 4.
 */
public final class AwsCallsReport {
    private static final String BUCKET = "calls";
    private static final String TABLE = "calls";

    private AwsCallsReport() {
    }

    public static void main(String[] args) throws Exception {
        System.out.print(run(Path.of(System.getProperty("finnews.corpus.dir", "../shared/corpus")).resolve("dev")));
    }

    public static String run(Path corpusDir) throws Exception {
        Map<String, String> env = Map.of(
                "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", MotoServer.get().endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "FINNEWS_TABLE", TABLE,
                "CURSOR_SECRET", "aws-calls-report-cursor-secret");
        AwsCallCounter calls = new AwsCallCounter();
        AwsSettings aws = AwsSettings.fromEnv(env);
        Map<String, List<int[]>> counts = new LinkedHashMap<>(); // operation → [{s3, dynamodb}]
        try (DynamoDbClient ddb = aws.configure(DynamoDbClient.builder()).build();
             S3Client s3 = aws.configure(S3Client.builder()).forcePathStyle(true).build();
             DynamoDbClient countedDdb = aws.withInterceptors(List.of(calls)).configure(DynamoDbClient.builder()).build()) {
            TableSchema.ensure(ddb, TABLE);
            s3.createBucket(b -> b.bucket(BUCKET));
            IngestService ingest = IngestServices.fromEnv(env, List.of(calls));
            QueryApi api = new QueryApi(new DynamoArticleStore(countedDdb, TABLE), QueryConfig.fromEnv(env));
            ArticleParser parser = new ArticleParser(5 << 20);

            List<Path> files;
            try (Stream<Path> list = Files.list(corpusDir)) {
                files = list.filter(Files::isRegularFile).sorted().toList();
            }
            int n = 0;
            for (Path file : files) {
                byte[] bytes = Files.readAllBytes(file);
                String key = "语料/" + file.getFileName();
                S3Location source = new S3Location(BUCKET, key);
                String eTag = s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes)).eTag();
                String sequencer = String.format(Locale.ROOT, "%016X", ++n * 10L);
                ObjectChange.Created created = new ObjectChange.Created(source, eTag, (long) bytes.length, sequencer);

                count(counts, "ingest: new article", calls, () -> ingest.ingest(created));
                count(counts, "ingest: duplicate delivery", calls, () -> ingest.ingest(created));
                count(counts, "ingest: unchanged, no sequencer", calls,
                        () -> ingest.ingest(new ObjectChange.Created(source, eTag, (long) bytes.length, null)));

                Article article = parser.parse(bytes, BUCKET, key);
                count(counts, "query: GET /articles/{id}", calls, () -> api.handle(HttpRequest.get("/articles/" + article.id(), "")));
                count(counts, "query: GET /articles (page)", calls, () -> api.handle(HttpRequest.get("/articles", "limit=5")));
                for (String category : article.categories()) {
                    count(counts, "query: GET /categories/{c}/articles (page)", calls,
                            () -> api.handle(HttpRequest.get("/categories/" + segment(category) + "/articles", "limit=5")));
                }
                if (article.publishDate() != null) {
                    count(counts, "query: GET /dates/{d}/articles (page)", calls,
                            () -> api.handle(HttpRequest.get("/dates/" + article.publishDate() + "/articles", "limit=5")));
                }
                for (StockMention stock : article.stocks()) {
                    count(counts, "query: GET /stocks/{s}/articles (page)", calls,
                            () -> api.handle(HttpRequest.get("/stocks/" + stock.symbol() + "/articles", "limit=5")));
                }
            }
            count(counts, "query: GET /categories (page)", calls, () -> api.handle(HttpRequest.get("/categories", "")));
            count(counts, "query: GET /stocks (page)", calls, () -> api.handle(HttpRequest.get("/stocks", "")));
            count(counts, "query: GET /failures (page)", calls, () -> api.handle(HttpRequest.get("/failures", "")));
            n = 0;
            for (Path file : files) {
                String key = "语料/" + file.getFileName();
                String sequencer = String.format(Locale.ROOT, "%016X", ++n * 10L + 5);
                s3.deleteObject(b -> b.bucket(BUCKET).key(key));
                count(counts, "ingest: delete", calls,
                        () -> ingest.ingest(new ObjectChange.Removed(new S3Location(BUCKET, key), sequencer)));
            }
        }
        return table(counts, Map.of(
                "ingest: new article", "≤ 1 S3 + 2 DynamoDB",
                "ingest: duplicate delivery", "≤ 1 DynamoDB",
                "ingest: unchanged, no sequencer", "≤ 1 S3 + 1 DynamoDB",
                "ingest: delete", "≤ 2 DynamoDB"));
    }

    private static void count(Map<String, List<int[]>> counts, String operation, AwsCallCounter calls, Supplier<?> work) {
        calls.reset();
        if (work.get() instanceof HttpResponse r && r.status() != 200) {
            throw new IllegalStateException(operation + " answered " + r.status() + ": " + r.body());
        }
        counts.computeIfAbsent(operation, o -> new ArrayList<>()).add(new int[] {calls.of("S3"), calls.of("DynamoDb")});
    }

    private static String table(Map<String, List<int[]>> counts, Map<String, String> budgets) {
        StringBuilder out = new StringBuilder("| operation | times | S3 requests mean / max | DynamoDB requests mean / max | budget |\n"
                + "|---|---:|---:|---:|---|\n");
        counts.forEach((operation, list) -> {
            IntSummaryStatistics s3 = list.stream().mapToInt(c -> c[0]).summaryStatistics();
            IntSummaryStatistics ddb = list.stream().mapToInt(c -> c[1]).summaryStatistics();
            out.append(String.format(Locale.ROOT, "| %s | %d | %.2f / %d | %.2f / %d | %s |%n", operation, list.size(),
                    s3.getAverage(), s3.getMax(), ddb.getAverage(), ddb.getMax(),
                    budgets.getOrDefault(operation, "1 DynamoDB")));
        });
        return out.toString();
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
