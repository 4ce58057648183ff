package dev.finnews.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@link ParseBenchmark} and prints, per corpus, the full parse against the bare-jsoup baseline of
 * the same run: ms per corpus, the ratio, articles/s and MB/s on one core.
 * Arguments: {@code forks warmupIterations iterations secondsPerIteration generatedFiles}.
 */
public final class ParseReport {
    private ParseReport() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        int forks = arg(args, 0, 1);
        int warmups = arg(args, 1, 3);
        int iterations = arg(args, 2, 5);
        int seconds = arg(args, 3, 2);
        int generated = arg(args, 4, 500);
        System.out.print(run(forks, warmups, iterations, TimeValue.seconds(seconds), generated));
    }

    /** Runs the benchmark and returns the report as a Markdown table. */
    public static String run(int forks, int warmups, int iterations, TimeValue time, int generatedFiles)
            throws RunnerException, IOException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(ParseBenchmark.class.getName())
                .forks(forks)
                .warmupIterations(warmups)
                .warmupTime(time)
                .measurementIterations(iterations)
                .measurementTime(time)
                .threads(1)
                .verbosity(forks == 0 ? VerboseMode.SILENT : VerboseMode.NORMAL) // smoke runs stay quiet
                .param("generatedFiles", Integer.toString(generatedFiles))
                .jvmArgsAppend("-Dfinnews.corpus.dir=" + System.getProperty("finnews.corpus.dir", "../shared/corpus"));
        Collection<RunResult> results = new Runner(options.build()).run();

        Map<String, double[]> byCorpus = new LinkedHashMap<>(); // corpus → {full ms, jsoup ms}
        for (RunResult r : results) {
            String corpus = r.getParams().getParam("corpus");
            double[] pair = byCorpus.computeIfAbsent(corpus, c -> new double[2]);
            pair[r.getParams().getBenchmark().endsWith("fullParse") ? 0 : 1] = r.getPrimaryResult().getScore();
        }
        StringBuilder out = new StringBuilder()
                .append("| corpus | files | MB | full parse ms | bare jsoup ms | ratio | articles/s | MB/s |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, double[]> e : byCorpus.entrySet()) {
            ParseBenchmark sizes = new ParseBenchmark();
            sizes.corpus = e.getKey();
            sizes.generatedFiles = generatedFiles;
            sizes.load();
            double full = e.getValue()[0];
            double bare = e.getValue()[1];
            double mb = sizes.bytes() / 1e6;
            out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f× | %.0f | %.1f |%n",
                    e.getKey(), sizes.files(), mb, full, bare, full / bare,
                    sizes.files() / (full / 1000), mb / (full / 1000)));
        }
        return out.toString();
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
