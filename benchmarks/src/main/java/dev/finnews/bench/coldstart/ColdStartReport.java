package dev.finnews.bench.coldstart;

import dev.finnews.generator.CorpusGenerator;
import dev.finnews.store.aws.AwsSettings;
import dev.finnews.store.dynamo.TableSchema;
import dev.finnews.testing.MotoServer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Cold start of each function, measured in fresh JVMs with the flags Lambda's Java runtime uses, against
 * moto, and compared in the same run with a hello-world handler and with each function's naive twin
 * (default SDK clients). Each function runs from the jars of its own deployment zip, so the numbers
 * include exactly what ships. Rounds interleave the variants so machine noise hits them alike.
 * Arguments: {@code rounds} (default 5). Needs {@code -Dfinnews.root} (the repository) after {@code package}.
 */
public final class ColdStartReport {
    /** What Lambda's java21 runtime passes, with the heap of a 1024 MB function. */
    private static final List<String> LAMBDA_JVM_FLAGS = List.of(
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx870m", "-Xshare:auto");
    private static final String BUCKET = "coldstart";
    private static final String TABLE = "coldstart";
    private static final Pattern PROBE_LINE = Pattern.compile(
            "\\{\"handler\":\"[^\"]+\",\"initMs\":([\\d.]+),\"invokeMs\":([\\d.]+),\"uptimeMs\":(\\d+),\"classes\":(\\d+),\"ok\":(true|false)}");

    private ColdStartReport() {
    }

    private record Variant(String name, String handler, List<Path> classpath, List<String> extraFlags, String eventKind) {
    }

    /** One run: handler init, first invoke, JVM start to response, classes loaded. */
    private record Sample(double initMs, double invokeMs, double uptimeMs, long classes) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.print(run(Path.of(System.getProperty("finnews.root", "..")), rounds));
    }

    public static String run(Path root, int rounds) throws Exception {
        Path ingestZip = root.resolve("functions/ingest/target/ingest.zip");
        Path queryZip = root.resolve("functions/query/target/query.zip");
        Path work = Files.createTempDirectory("coldstart");
        List<Path> ingestJars = unzipJars(ingestZip, work.resolve("ingest"));
        List<Path> queryJars = unzipJars(queryZip, work.resolve("query"));
        Path probeClasses = Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> apacheJars = ownClasspath().stream()
                .filter(p -> p.getFileName().toString().matches("(apache-client|httpclient|httpcore|commons-logging|commons-codec)-.*\\.jar"))
                .toList();
        List<Path> lambdaCore = ownClasspath().stream()
                .filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-")).toList(); // core + events
        String naiveHttp = "-Dsoftware.amazon.awssdk.http.service.impl=software.amazon.awssdk.http.apache.ApacheSdkHttpService";

        List<Variant> variants = List.of(
                new Variant("hello world", HelloHandler.class.getName(), concat(lambdaCore, List.of(probeClasses)), List.of(), "hello"),
                new Variant("ingest", "dev.finnews.ingest.IngestHandler", concat(ingestJars, List.of(probeClasses)), List.of(), "s3"),
                new Variant("ingest (naive)", "dev.finnews.ingest.NaiveIngestHandler",
                        concat(ingestJars, apacheJars, List.of(probeClasses)), List.of(naiveHttp), "s3"),
                new Variant("query", "dev.finnews.query.QueryHandler", concat(queryJars, List.of(probeClasses)), List.of(), "http"),
                new Variant("query (naive)", "dev.finnews.query.NaiveQueryHandler",
                        concat(queryJars, apacheJars, List.of(probeClasses)), List.of(naiveHttp), "http"));

        MotoServer moto = MotoServer.get();
        Map<String, String> env = Map.of(
                "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test",
                "FINNEWS_TABLE", TABLE,
                "CURSOR_SECRET", "cold-start-report-cursor-secret");
        byte[] article = articleWithStocks();
        List<String> eTags = prepare(env, article, variants.size() * rounds);

        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        int upload = 0;
        for (int round = 0; round < rounds; round++) {
            for (Variant v : variants) {
                List<String> eventArgs = switch (v.eventKind()) {
                    case "s3" -> List.of(BUCKET, key(upload), eTags.get(upload++), Integer.toString(article.length), "0A" + round);
                    case "http" -> List.of("/articles", "limit=20");
                    default -> List.of();
                };
                samples.computeIfAbsent(v.name(), n -> new ArrayList<>()).add(probe(v, env, eventArgs));
            }
        }
        return table(samples, rounds) + "\n" + zipSizes(Map.of("ingest", ingestZip, "query", queryZip));
    }

    private static Sample probe(Variant v, Map<String, String> env, List<String> eventArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(v.extraFlags());
        command.add("-cp");
        command.add(String.join(File.pathSeparator, v.classpath().stream().map(Path::toString).toList()));
        command.add(ColdStartProbe.class.getName());
        command.add(v.handler());
        command.add(v.eventKind());
        command.addAll(eventArgs);
        Path stderr = Files.createTempFile("probe", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        p.waitFor();
        Matcher m = PROBE_LINE.matcher(out);
        if (!m.find() || !Boolean.parseBoolean(m.group(5))) {
            throw new IllegalStateException(v.name() + " probe failed (exit " + p.exitValue() + "):\n" + out + Files.readString(stderr));
        }
        Files.delete(stderr);
        return new Sample(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Long.parseLong(m.group(4)));
    }

    /** Table, bucket and one uploaded copy of the article per ingest run (so every run does the same, first-time work). */
    private static List<String> prepare(Map<String, String> env, byte[] article, int copies) {
        AwsSettings aws = AwsSettings.fromEnv(env);
        try (DynamoDbClient ddb = aws.configure(DynamoDbClient.builder()).build();
             S3Client s3 = aws.configure(S3Client.builder()).forcePathStyle(true).build()) {
            TableSchema.ensure(ddb, TABLE);
            s3.createBucket(b -> b.bucket(BUCKET));
            List<String> eTags = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                String key = key(i);
                eTags.add(s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(article)).eTag());
            }
            return eTags;
        }
    }

    private static String key(int i) {
        return "冷启动/第 " + i + " 篇.md";
    }

    private static byte[] articleWithStocks() {
        CorpusGenerator generator = new CorpusGenerator(7);
        for (int i = 0; ; i++) {
            byte[] content = generator.file(i).content();
            String text = new String(content, StandardCharsets.UTF_8);
            if (text.contains("stock_") && content.length > 8_000 && content.length < 40_000) {
                return content;
            }
        }
    }

    private static String table(Map<String, List<Sample>> samples, int rounds) {
        Map<String, double[]> medians = new LinkedHashMap<>(); // name → {init, invoke, JVM start to response, classes}
        samples.forEach((name, list) -> medians.put(name, new double[] {
            median(list.stream().mapToDouble(Sample::initMs).toArray()),
            median(list.stream().mapToDouble(Sample::invokeMs).toArray()),
            median(list.stream().mapToDouble(Sample::uptimeMs).toArray()),
            median(list.stream().mapToDouble(Sample::classes).toArray())}));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Median of %d fresh JVMs each (%s):%n%n", rounds, String.join(" ", LAMBDA_JVM_FLAGS)))
                .append("| handler | init ms | first invoke ms | init + invoke ms | JVM start → response ms | classes loaded | init + invoke vs naive twin | JVM start → response vs hello world |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        double hello = medians.get("hello world")[2];
        medians.forEach((name, m) -> {
            double[] twin = medians.get(name + " (naive)");
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %s | %.1f× |%n", name, m[0], m[1], total(m), m[2], m[3],
                    twin == null ? "" : String.format(Locale.ROOT, "%.2f×", total(m) / total(twin)), m[2] / hello));
        });
        return out.toString();
    }

    private static String zipSizes(Map<String, Path> zips) throws IOException {
        StringBuilder out = new StringBuilder("| zip | size KB | jars over 1 MB |\n|---|---:|---|\n");
        for (Map.Entry<String, Path> z : new java.util.TreeMap<>(zips).entrySet()) {
            List<String> big = new ArrayList<>();
            try (ZipFile zip = new ZipFile(z.getValue().toFile())) {
                zip.stream().filter(e -> e.getSize() > 1_000_000)
                        .forEach(e -> big.add(Path.of(e.getName()).getFileName() + String.format(Locale.ROOT, " (%.1f MB)", e.getSize() / 1e6)));
            }
            out.append(String.format(Locale.ROOT, "| %s.zip | %d | %s |%n", z.getKey(), Files.size(z.getValue()) / 1024,
                    big.isEmpty() ? "none" : String.join(", ", big)));
        }
        return out.toString();
    }

    private static double total(double[] m) {
        return m[0] + m[1];
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static List<Path> unzipJars(Path zip, Path into) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is missing: run ./mvnw package first");
        }
        Files.createDirectories(into);
        List<Path> jars = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().filter(e -> e.getName().endsWith(".jar")).toList()) {
                Path target = into.resolve(Path.of(e.getName()).getFileName().toString());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, target);
                }
                jars.add(target);
            }
        }
        return jars;
    }

    private static List<Path> ownClasspath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }

    @SafeVarargs
    private static List<Path> concat(List<Path>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }
}
