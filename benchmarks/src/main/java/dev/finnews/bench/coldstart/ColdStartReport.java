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
import java.net.URLEncoder;
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
 * moto, and compared in the same run with a hello-world handler and with each function's naive twin:
 * a typed handler over the event classes, default SDK clients (the Apache HTTP client, the event
 * classes and joda-time added to its zip) and the jars as published (deflated), as a default build
 * packages them. Two more rows per function split the difference: the shipped handler from deflated
 * jars (what storing the jars saves), and the function as a typed handler over the event classes with
 * the shipped clients (what reading the event's JSON directly saves). A SnapStart-primed row runs the
 * shipped handler's priming hook after its constructor, as a checkpoint would, so its first invoke shows
 * what a restored instance still does (Lambda's restore itself is not measurable here). Each function
 * runs from its own deployment zip, unpacked as Lambda unpacks it and loaded as Lambda loads it (see
 * {@link ColdStartProbe}), so the numbers include exactly what ships. Rounds interleave the variants so
 * machine noise hits them alike; besides wall time each run reports the main thread's CPU time, which
 * other load on the machine disturbs far less.
 * Arguments: {@code rounds [--before ROOT] [--jvm NAME=FLAGS]...}: {@code --before} adds each function
 * from the zips under another tree laid out like the repository (a build before a change, or
 * {@link ZipLayouts}' output), {@code --jvm} adds each function again with extra JVM flags
 * (space-separated). Needs {@code -Dfinnews.root} (the repository) after {@code package}.
 */
public final class ColdStartReport {
    /** What Lambda's java21 runtime passes, with the heap of a 1024 MB function. */
    private static final List<String> LAMBDA_JVM_FLAGS = List.of(
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx870m", "-Xshare:auto");
    private static final String BUCKET = "coldstart";
    private static final String TABLE = "coldstart";
    private static final String NAIVE = " (naive)";
    private static final String DEFLATED = " (deflated jars)";
    private static final String TYPED = " (typed handler)";
    private static final String PRIMED = " (SnapStart-primed)";
    /** Connections do not survive a snapshot: the primed variant's first invoke opens its own, as a restored one must. */
    private static final String NO_KEEP_ALIVE = "-Dhttp.keepAlive=false";
    private static final Pattern PROBE_LINE = Pattern.compile("\\{\"handler\":\"[^\"]+\",\"initMs\":([\\d.]+),\"invokeMs\":([\\d.]+),"
            + "\"initCpuMs\":([\\d.]+),\"invokeCpuMs\":([\\d.]+),\"uptimeMs\":(\\d+),\"classes\":(\\d+),\"ok\":(true|false)}");
    /** The runtime's side of the probe JVM (its class path), and what is loaded with the function (after its jars). */
    private static final List<String> RUNTIME_CLASSES = List.of("ColdStartProbe", "ProbeContext", "ProbeContext$1");
    private static final List<Class<?>> FUNCTION_EXTRAS = List.of(HelloHandler.class,
            dev.finnews.ingest.TypedIngestHandler.class, dev.finnews.ingest.NaiveIngestHandler.class,
            dev.finnews.query.TypedQueryHandler.class, dev.finnews.query.NaiveQueryHandler.class,
            dev.finnews.ingest.PrimedIngestHandler.class, dev.finnews.query.PrimedQueryHandler.class);

    private ColdStartReport() {
    }

    /** One function as measured: its unpacked zip, extra JVM flags, the event it gets, and the row its ratios are taken against. */
    private record Variant(String name, String handler, Path taskRoot, List<String> extraFlags, String eventKind, String comparedWith) {
    }

    /** One run: handler init and first invoke (wall and main-thread CPU), JVM start to response, classes loaded. */
    private record Sample(double initMs, double invokeMs, double initCpuMs, double invokeCpuMs, double uptimeMs, long classes) {
    }

    /** Medians over the rounds. */
    private record Row(double initMs, double invokeMs, double cpuMs, double invokeCpuMs, double uptimeMs, double classes) {
        double totalMs() {
            return initMs + invokeMs;
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path before = null;
        Map<String, List<String>> jvmVariants = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--before" -> before = Path.of(args[i + 1]);
                case "--jvm" -> {
                    String[] nameAndFlags = args[i + 1].split("=", 2);
                    jvmVariants.put(nameAndFlags[0], List.of(nameAndFlags[1].trim().split("\\s+")));
                }
                default -> throw new IllegalArgumentException("usage: rounds [--before ROOT] [--jvm NAME=FLAGS]...");
            }
        }
        System.out.print(run(Path.of(System.getProperty("finnews.root", "..")), rounds, before, jvmVariants));
    }

    public static String run(Path root, int rounds) throws Exception {
        return run(root, rounds, null, Map.of());
    }

    public static String run(Path root, int rounds, Path before, Map<String, List<String>> jvmVariants) throws Exception {
        Path work = Files.createTempDirectory("coldstart");
        try {
            return measure(root, rounds, before, jvmVariants, work);
        } finally {
            try (Stream<Path> files = Files.walk(work)) { // the unpacked zips: tens of MB per run
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String measure(Path root, int rounds, Path before, Map<String, List<String>> jvmVariants, Path work) throws Exception {
        Map<String, Path> zips = new LinkedHashMap<>();
        for (String function : List.of("ingest", "query")) {
            zips.put(function, zipOf(root, function));
        }
        Path runtime = copyClasses(work.resolve("runtime"), RUNTIME_CLASSES.stream()
                .map(n -> ColdStartReport.class.getPackageName().replace('.', '/') + "/" + n + ".class").toList());
        Path extras = copyClasses(work.resolve("extras"), FUNCTION_EXTRAS.stream()
                .map(c -> c.getName().replace('.', '/') + ".class").toList());
        // what a typed handler ships besides: the event classes with joda-time; a naive build also the Apache HTTP client
        List<Path> eventJars = jarsNamed("aws-lambda-java-events|joda-time");
        List<Path> naiveJars = concat(eventJars, jarsNamed("apache-client|httpclient|httpcore|commons-logging|commons-codec"));
        String naiveHttp = "-Dsoftware.amazon.awssdk.http.service.impl=software.amazon.awssdk.http.apache.ApacheSdkHttpService";
        Map<String, String> handlers = Map.of("ingest", "dev.finnews.ingest.IngestHandler", "query", "dev.finnews.query.QueryHandler");
        Map<String, String> eventKinds = Map.of("ingest", "s3", "query", "http");

        List<Variant> variants = new ArrayList<>();
        Path helloRoot = Files.createDirectories(work.resolve("hello/lib"));
        for (Path jar : ownClasspath().stream().filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-core-")).toList()) {
            Files.copy(jar, helloRoot.resolve(jar.getFileName())); // what a hello-world zip ships
        }
        variants.add(new Variant("hello world", HelloHandler.class.getName(), helloRoot.getParent(), List.of(), "hello", null));
        for (Map.Entry<String, Path> zip : zips.entrySet()) {
            String function = zip.getKey();
            String handler = handlers.get(function);
            String naiveHandler = handler.replace("dev.finnews." + function + ".", "dev.finnews." + function + ".Naive");
            String typedHandler = handler.replace("dev.finnews." + function + ".", "dev.finnews." + function + ".Typed");
            String primedHandler = handler.replace("dev.finnews." + function + ".", "dev.finnews." + function + ".Primed");
            Path taskRoot = unzip(zip.getValue(), work.resolve(function));
            Path typedRoot = unzip(zip.getValue(), work.resolve(function + "-typed"));
            for (Path jar : eventJars) {
                Files.copy(jar, typedRoot.resolve("lib").resolve(jar.getFileName()));
            }
            Path deflatedRoot = deflateJars(unzip(zip.getValue(), work.resolve(function + "-deflated")));
            Path naiveRoot = deflateJars(unzip(zip.getValue(), work.resolve(function + "-naive")));
            for (Path jar : naiveJars) {
                Files.copy(jar, naiveRoot.resolve("lib").resolve(jar.getFileName()));
            }
            variants.add(new Variant(function, handler, taskRoot, List.of(), eventKinds.get(function), function + NAIVE));
            variants.add(new Variant(function + DEFLATED, handler, deflatedRoot, List.of(), eventKinds.get(function), function + NAIVE));
            variants.add(new Variant(function + TYPED, typedHandler, typedRoot, List.of(), eventKinds.get(function), function + NAIVE));
            variants.add(new Variant(function + NAIVE, naiveHandler, naiveRoot, List.of(naiveHttp), eventKinds.get(function), null));
            variants.add(new Variant(function + PRIMED, primedHandler, taskRoot, List.of(NO_KEEP_ALIVE), eventKinds.get(function), function));
            if (before != null) {
                variants.add(new Variant(function + " (before)", handler, unzip(zipOf(before, function), work.resolve(function + "-before")),
                        List.of(), eventKinds.get(function), function + NAIVE));
            }
            jvmVariants.forEach((name, flags) -> variants.add(
                    new Variant(function + " (" + name + ")", handler, taskRoot, flags, eventKinds.get(function), function)));
        }

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
        List<Path> runtimeClassPath = concat(List.of(runtime), ownClasspath().stream()
                .filter(p -> p.getFileName().toString().matches("aws-lambda-java-(core|serialization)-.*")).toList());
        String s3Put = Files.readString(root.resolve("infrastructure/events/s3-put.json"));
        Path httpGet = root.resolve("infrastructure/events/api-articles.json");
        Path helloEvent = Files.writeString(work.resolve("hello.json"), "{}");

        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        int upload = 0;
        for (int round = 0; round < rounds; round++) {
            for (Variant v : variants) {
                Path event = switch (v.eventKind()) {
                    case "s3" -> Files.writeString(work.resolve("s3-put-" + upload + ".json"),
                            s3Put(s3Put, key(upload), eTags.get(upload++), article.length, "0A" + round));
                    case "http" -> httpGet;
                    default -> helloEvent;
                };
                samples.computeIfAbsent(v.name(), n -> new ArrayList<>()).add(probe(v, runtimeClassPath, extras, env, event));
            }
        }
        return table(variants, samples, rounds) + "\n" + zipSizes(zips, before);
    }

    private static Sample probe(Variant v, List<Path> runtimeClassPath, Path extras, Map<String, String> env, Path event)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(v.extraFlags());
        command.add("-cp");
        command.add(String.join(File.pathSeparator, runtimeClassPath.stream().map(Path::toString).toList()));
        command.add(ColdStartProbe.class.getName());
        command.add(v.taskRoot().toString());
        command.add(extras.toString());
        command.add(v.handler());
        command.add(event.toString());
        command.add(switch (v.eventKind()) { // what the response holds when the function did the whole job
            case "s3" -> "\"stored\":1";
            case "http" -> "\"statusCode\":200";
            default -> "hello";
        });
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
        if (!m.find() || !Boolean.parseBoolean(m.group(7))) {
            throw new IllegalStateException(v.name() + " probe failed or did not do the whole job (exit " + p.exitValue() + "):\n"
                    + out + Files.readString(stderr));
        }
        Files.delete(stderr);
        return new Sample(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Long.parseLong(m.group(6)));
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

    /** {@code infrastructure/events/s3-put.json} for one uploaded object: its key form-encoded as S3 sends it. */
    private static String s3Put(String template, String key, String eTag, long size, String sequencer) {
        return template.replace("finnews-local-uploads", BUCKET)
                .replaceFirst("\"key\": \"[^\"]*\"", "\"key\": \"" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "\"")
                .replaceFirst("\"size\": \\d+", "\"size\": " + size)
                .replaceFirst("\"eTag\": \"[^\"]*\"", "\"eTag\": " + quoted(eTag))
                .replaceFirst("\"sequencer\": \"[^\"]*\"", "\"sequencer\": \"" + sequencer + "\"");
    }

    /** An S3 ETag as a JSON string (S3 sends it without the quotes its HTTP header has). */
    private static String quoted(String eTag) {
        return "\"" + eTag.replace("\"", "") + "\"";
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

    private static String table(List<Variant> variants, Map<String, List<Sample>> samples, int rounds) {
        Map<String, Row> rows = new LinkedHashMap<>();
        samples.forEach((name, list) -> rows.put(name, new Row(
                median(list.stream().mapToDouble(Sample::initMs).toArray()),
                median(list.stream().mapToDouble(Sample::invokeMs).toArray()),
                median(list.stream().mapToDouble(s -> s.initCpuMs() + s.invokeCpuMs()).toArray()),
                median(list.stream().mapToDouble(Sample::invokeCpuMs).toArray()),
                median(list.stream().mapToDouble(Sample::uptimeMs).toArray()),
                median(list.stream().mapToDouble(Sample::classes).toArray()))));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Median of %d fresh JVMs each (%s); CPU is the main thread's:%n%n", rounds, String.join(" ", LAMBDA_JVM_FLAGS)))
                .append("| handler | init ms | first invoke ms | init + invoke ms | init + invoke CPU ms | JVM start → response ms "
                        + "| classes loaded | compared with | init + invoke ratio | CPU ratio | JVM start → response vs hello world |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
        double hello = rows.get("hello world").uptimeMs();
        for (Variant v : variants) {
            Row m = rows.get(v.name());
            Row ref = v.comparedWith() == null ? null : rows.get(v.comparedWith());
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %s | %s | %s | %.1f× |%n",
                    v.name(), m.initMs(), m.invokeMs(), m.totalMs(), m.cpuMs(), m.uptimeMs(), m.classes(),
                    ref == null ? "" : v.comparedWith(),
                    ref == null ? "" : ratio(m.totalMs(), ref.totalMs()), ref == null ? "" : ratio(m.cpuMs(), ref.cpuMs()),
                    m.uptimeMs() / hello));
        }
        List<String> beforeAndAfter = new ArrayList<>();
        for (Variant v : variants) {
            Row beforeRow = rows.get(v.name() + " (before)");
            if (beforeRow != null) {
                Row m = rows.get(v.name());
                beforeAndAfter.add(String.format(Locale.ROOT, "%s against %s (before): init + invoke %s, CPU %s%n", v.name(), v.name(),
                        ratio(m.totalMs(), beforeRow.totalMs()), ratio(m.cpuMs(), beforeRow.cpuMs())));
            }
        }
        if (!beforeAndAfter.isEmpty()) {
            out.append('\n').append(String.join("", beforeAndAfter));
        }
        out.append('\n').append(snapStartEstimates(variants, rows));
        return out.toString();
    }

    /**
     * What a SnapStart-restored instance still does (the primed variant's first invoke) against a cold
     * start of the same function and of its naive twin. Lambda's restore comes on top of it.
     */
    private static String snapStartEstimates(List<Variant> variants, Map<String, Row> rows) {
        StringBuilder out = new StringBuilder();
        for (Variant v : variants) {
            if (v.name().endsWith(PRIMED)) {
                String function = v.comparedWith();
                Row primed = rows.get(v.name());
                Row cold = rows.get(function);
                Row naive = rows.get(function + NAIVE);
                out.append(String.format(Locale.ROOT, "%s after SnapStart priming: first invoke %.0f ms (CPU %.0f ms) against a cold "
                                + "start's init + first invoke of %.0f ms (CPU %.0f ms): %s (CPU %s); against the naive twin's cold start %s "
                                + "(CPU %s); Lambda's restore time comes on top%n",
                        function, primed.invokeMs(), primed.invokeCpuMs(), cold.totalMs(), cold.cpuMs(),
                        ratio(primed.invokeMs(), cold.totalMs()), ratio(primed.invokeCpuMs(), cold.cpuMs()),
                        ratio(primed.invokeMs(), naive.totalMs()), ratio(primed.invokeCpuMs(), naive.cpuMs())));
            }
        }
        return out.toString();
    }

    private static String ratio(double value, double reference) {
        return String.format(Locale.ROOT, "%.2f×", value / reference);
    }

    private static String zipSizes(Map<String, Path> zips, Path before) throws IOException {
        StringBuilder out = new StringBuilder("| zip | size KB | unzipped KB | entries | entries over 1 MB (unzipped) |\n|---|---:|---:|---:|---|\n");
        Map<String, Path> all = new LinkedHashMap<>();
        zips.forEach((function, zip) -> {
            all.put(function + ".zip", zip);
            if (before != null) {
                all.put(function + ".zip (before)", zipOf(before, function));
            }
        });
        for (Map.Entry<String, Path> z : all.entrySet()) {
            List<String> big = new ArrayList<>();
            int entries;
            long unzipped;
            try (ZipFile zip = new ZipFile(z.getValue().toFile())) {
                entries = zip.size();
                unzipped = zip.stream().mapToLong(ZipEntry::getSize).sum();
                zip.stream().filter(e -> e.getSize() > 1_000_000)
                        .forEach(e -> big.add(Path.of(e.getName()).getFileName() + String.format(Locale.ROOT, " (%.1f MB)", e.getSize() / 1e6)));
            }
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s |%n", z.getKey(), Files.size(z.getValue()) / 1024, unzipped / 1024, entries,
                    big.isEmpty() ? "none" : String.join(", ", big)));
        }
        return out.toString();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Where {@code ./mvnw package} puts a function's zip under a repository root. */
    private static Path zipOf(Path root, String function) {
        return root.resolve("functions").resolve(function).resolve("target").resolve(function + ".zip");
    }

    /** The whole zip as Lambda unpacks it into its task root. */
    private static Path unzip(Path zip, Path into) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is missing: run ./mvnw package first");
        }
        Files.createDirectories(into.resolve("lib"));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().filter(e -> !e.isDirectory()).toList()) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IllegalStateException("entry outside the task root: " + e.getName());
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, target);
                }
            }
        }
        return into;
    }

    /** The task root with its jars as published: entries deflated. */
    private static Path deflateJars(Path taskRoot) throws IOException {
        try (Stream<Path> jars = Files.list(taskRoot.resolve("lib"))) {
            for (Path jar : jars.toList()) {
                ZipLayouts.deflate(jar);
            }
        }
        return taskRoot;
    }

    /** Copies class files (resource names) from this module's classes into a directory of their own. */
    private static Path copyClasses(Path into, List<String> resources) throws IOException {
        for (String resource : resources) {
            Path target = into.resolve(resource);
            Files.createDirectories(target.getParent());
            try (InputStream in = ColdStartReport.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the class path");
                }
                Files.copy(in, target);
            }
        }
        return into;
    }

    /** Jars of this module's class path whose artifact name matches {@code artifacts} (a regex alternation). */
    private static List<Path> jarsNamed(String artifacts) {
        return ownClasspath().stream().filter(p -> p.getFileName().toString().matches("(" + artifacts + ")-\\d.*\\.jar")).toList();
    }

    private static List<Path> ownClasspath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }

    @SafeVarargs
    private static List<Path> concat(List<Path>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }
}
