package dev.finnews.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finnews.article.Article;
import dev.finnews.article.StockMention;
import dev.finnews.parser.ArticleParser;
import dev.finnews.parser.ParseException;
import dev.finnews.testing.Corpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's main job, end to end, with the built jar: {@code finnews up --no-seed} on free ports,
 * the real corpus uploaded with the real AWS CLI under keys with Chinese, spaces and {@code +}, and
 * every article found through plain HTTP by every lookup that applies to it; then re-upload, delete,
 * a broken file, {@code backfill --force}, {@code invoke}, and SIGTERM. Every wait is bounded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LocalRunnerIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String BUCKET = "articles";
    /** Chinese, a space and a plus: the key shapes S3 form-encodes in its events. */
    private static final String PREFIX = "语料 2022/第1批+dev/";
    private static final Pattern READY = Pattern.compile("READY api=(\\S+) aws=(\\S+) bucket=(\\S+)");

    private CliProcess up;
    private ApiClient api;
    private AwsCli aws;
    private String endpoint;
    private int apiPort;
    private int awsPort;
    private ProcessHandle moto;
    /** The corpus as the parser reads it under its upload key; files it rejects map to null. */
    private final Map<String, Article> expected = new LinkedHashMap<>();

    @BeforeAll
    void startTheRunner() throws Exception {
        ArticleParser parser = new ArticleParser(5 * 1024 * 1024);
        for (Path file : Corpus.devFiles()) {
            String key = PREFIX + file.getFileName();
            try {
                expected.put(key, parser.parse(Files.readAllBytes(file), BUCKET, key));
            } catch (ParseException rejected) {
                expected.put(key, null);
            }
        }
        apiPort = freePort();
        awsPort = freePort();
        up = CliProcess.start(Map.of(), "up", "--no-seed", "--api-port", Integer.toString(apiPort),
                "--aws-port", Integer.toString(awsPort), "--bucket", BUCKET);
        Matcher ready = READY.matcher(up.awaitLine(line -> READY.matcher(line).matches(), WAIT));
        assertThat(ready.matches()).isTrue();
        assertThat(ready.group(1)).isEqualTo("http://127.0.0.1:" + apiPort);
        assertThat(ready.group(2)).isEqualTo("http://127.0.0.1:" + awsPort);
        assertThat(ready.group(3)).isEqualTo(BUCKET);
        assertThat(up.stdout().stream().filter(l -> l.startsWith("READY"))).hasSize(1);
        endpoint = ready.group(2);
        api = new ApiClient(ready.group(1));
        aws = new AwsCli(endpoint);
        moto = up.process().descendants().findFirst().orElseThrow(() -> new AssertionError("moto is not a child of finnews up"));
    }

    @AfterAll
    void stopTheRunner() {
        if (up != null && up.process().isAlive()) {
            up.process().destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void everyUploadedArticleIsFoundByEveryLookupThatAppliesToIt() throws Exception {
        aws.run("s3", "cp", Corpus.devDir().toString(), "s3://" + BUCKET + "/" + PREFIX, "--recursive", "--only-show-errors");

        Map<String, Set<String>> lookups = expectedLookups(stored());
        awaitLookups(lookups, "the uploaded corpus");
        assertNoDuplicates(lookups);
        for (Map.Entry<String, Article> e : stored().entrySet()) {
            ApiClient.Answer answer = api.get("/articles/" + e.getValue().id());
            assertThat(answer.status()).as(e.getKey()).isEqualTo(200);
            assertThat(answer.body().get("source").get("key").asText()).isEqualTo(e.getKey());
            assertThat(answer.body().get("title").asText()).isEqualTo(e.getValue().title());
        }
    }

    @Test
    @Order(2)
    void uploadingTheSameFilesAgainAddsNothing() throws Exception {
        long before = outcomes("unchanged");
        aws.run("s3", "cp", Corpus.devDir().toString(), "s3://" + BUCKET + "/" + PREFIX, "--recursive", "--only-show-errors");

        awaitUntil(() -> outcomes("unchanged") >= before + expected.size(), "every re-upload was ingested as unchanged");
        Map<String, Set<String>> lookups = expectedLookups(stored());
        awaitLookups(lookups, "the re-uploaded corpus");
        assertNoDuplicates(lookups);
        for (JsonNode category : api.all("/categories")) {
            int listed = api.all("/categories/" + ApiClient.segment(category.get("name").asText()) + "/articles").size();
            assertThat(category.get("articles").asInt()).as(category.toString()).isEqualTo(listed);
        }
    }

    @Test
    @Order(3)
    void aDeletedArticleIsGoneFromEveryLookup() throws Exception {
        Map.Entry<String, Article> victim = stored().entrySet().stream()
                .filter(e -> !e.getValue().stocks().isEmpty() && e.getValue().publishDate() != null)
                .findFirst().orElseThrow();
        Set<String> itsLookups = expectedLookups(Map.of(victim.getKey(), victim.getValue())).keySet();

        aws.run("s3", "rm", "s3://" + BUCKET + "/" + victim.getKey());
        expected.remove(victim.getKey());

        awaitUntil(() -> api.get("/articles/" + victim.getValue().id()).status() == 404, "the deleted article answers 404");
        for (String lookup : itsLookups) {
            awaitUntil(() -> ids(lookup).stream().noneMatch(victim.getValue().id()::equals), "gone from " + lookup);
        }
        awaitLookups(expectedLookups(stored()), "the rest of the corpus");
    }

    @Test
    @Order(4)
    void aBrokenFileIsListedAmongTheFailures() throws Exception {
        Path broken = Files.createTempFile("broken", ".md");
        Files.writeString(broken, "这不是文章：没有 front matter。", StandardCharsets.UTF_8);
        String key = PREFIX + "坏 文件+1.md";
        expected.put(key, null);

        aws.run("s3", "cp", broken.toString(), "s3://" + BUCKET + "/" + key, "--only-show-errors");

        awaitUntil(() -> api.all("/failures").stream().anyMatch(f -> f.get("key").asText().equals(key)
                && f.get("reason").asText().equals("NO_FRONT_MATTER")), "/failures lists " + key);
    }

    @Test
    @Order(5)
    void backfillForceReingestsThePrefix() throws Exception {
        CliProcess.Result result = CliProcess.run(Map.of(), WAIT, "backfill", "--endpoint", endpoint, "--bucket", BUCKET,
                "--prefix", PREFIX, "--force");

        long good = expected.values().stream().filter(a -> a != null).count();
        long bad = expected.size() - good;
        assertThat(result.stdout()).as(result.stderr()).isEqualTo("stored=" + good + " unchanged=0 failed=" + bad + " stale=0");
        assertThat(result.status()).isEqualTo(bad == 0 ? 0 : 1);
        awaitLookups(expectedLookups(stored()), "the corpus after backfill");
        assertNoDuplicates(expectedLookups(stored()));
    }

    @Test
    @Order(6)
    void invokeRunsAHandlerOnceWithAnEventFile() throws Exception {
        Path events = repository().resolve("infrastructure/events");
        aws.run("s3", "cp", events.resolve("s3-object.md").toString(), "s3://" + BUCKET + "/金融/新浪财经 示例.md",
                "--only-show-errors");

        CliProcess.Result ingest = CliProcess.run(Map.of(), WAIT, "invoke", "ingest", "--event",
                events.resolve("s3-put.json").toString(), "--endpoint", endpoint, "--bucket", BUCKET);
        CliProcess.Result query = CliProcess.run(Map.of(), WAIT, "invoke", "query", "--event",
                events.resolve("api-articles.json").toString(), "--endpoint", endpoint);

        assertThat(ingest.status()).as(ingest.stderr()).isZero();
        assertThat(ingest.stdout()).matches("\\{\"(stored|unchanged)\":1}");
        assertThat(query.status()).as(query.stderr()).isZero();
        assertThat(query.stdout()).contains("\"statusCode\":200", "\\\"items\\\"");
        for (CliProcess.Result r : List.of(ingest, query)) {
            assertThat(r.stderr()).containsPattern("REPORT RequestId: \\S+\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms\t"
                    + "Max Memory Used: \\d+ MB\tInit Duration: [0-9.]+ ms");
        }
    }

    @Test
    @Order(7)
    void sigtermStopsTheRunnerAndMotoAndFreesThePorts() throws Exception {
        up.process().destroy(); // SIGTERM

        assertThat(up.process().waitFor(30, TimeUnit.SECONDS)).as("finnews up exited").isTrue();
        assertThat(moto.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("moto exited").isFalse();
        assertThat(up.process().descendants().filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(up.stderr()).contains("finnews: stopped");
        assertThat(portFree(apiPort)).as("api port free").isTrue();
        assertThat(portFree(awsPort)).as("aws port free").isTrue();
    }

    // ---- expectations

    private Map<String, Article> stored() {
        Map<String, Article> stored = new LinkedHashMap<>();
        expected.forEach((key, article) -> {
            if (article != null) {
                stored.put(key, article);
            }
        });
        return stored;
    }

    /** Every list path an article must appear in, with the ids each must hold. */
    private static Map<String, Set<String>> expectedLookups(Map<String, Article> articles) {
        Map<String, Set<String>> lookups = new HashMap<>();
        for (Article a : articles.values()) {
            lookups.computeIfAbsent("/articles", p -> new LinkedHashSet<>()).add(a.id());
            if (a.publishDate() != null) {
                lookups.computeIfAbsent("/dates/" + a.publishDate() + "/articles", p -> new LinkedHashSet<>()).add(a.id());
            }
            for (String level : a.categories()) {
                lookups.computeIfAbsent("/categories/" + ApiClient.segment(level) + "/articles", p -> new LinkedHashSet<>())
                        .add(a.id());
            }
            for (StockMention stock : a.stocks()) {
                lookups.computeIfAbsent("/stocks/" + stock.symbol() + "/articles", p -> new LinkedHashSet<>()).add(a.id());
            }
        }
        return lookups;
    }

    private void awaitLookups(Map<String, Set<String>> lookups, String what) throws Exception {
        List<String> missing = new ArrayList<>();
        awaitUntil(() -> {
            missing.clear();
            for (Map.Entry<String, Set<String>> lookup : lookups.entrySet()) {
                List<String> ids = ids(lookup.getKey());
                lookup.getValue().stream().filter(id -> !ids.contains(id)).forEach(id -> missing.add(lookup.getKey() + " " + id));
            }
            return missing.isEmpty();
        }, () -> what + " is found by every lookup; missing: " + missing);
    }

    private void assertNoDuplicates(Map<String, Set<String>> lookups) throws Exception {
        for (String lookup : lookups.keySet()) {
            assertThat(ids(lookup)).as(lookup).doesNotHaveDuplicates();
        }
        assertThat(ids("/articles")).containsExactlyInAnyOrderElementsOf(
                stored().values().stream().map(Article::id).toList());
    }

    private List<String> ids(String lookup) throws IOException, InterruptedException {
        return api.all(lookup).stream().map(item -> item.get("id").asText()).toList();
    }

    /** How many ingest log lines (the handler's, on the runner's stderr) report this outcome. */
    private long outcomes(String outcome) {
        return up.stderr().lines().filter(l -> l.contains("\"outcome\":\"" + outcome + "\"")).count();
    }

    // ---- bounded waiting

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private void awaitUntil(Check check, String what) throws Exception {
        awaitUntil(check, () -> what);
    }

    private void awaitUntil(Check check, java.util.function.Supplier<String> what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what.get() + "\nrunner stderr tail:\n"
                        + tail(up.stderr()));
            }
            Thread.sleep(500);
        }
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static Path repository() {
        String home = System.getProperty("finnews.home");
        return home != null ? Path.of(home) : Path.of("..").toAbsolutePath().normalize();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
