package dev.finnews.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@link ParseBenchmark} and prints, per corpus, the full parse against the bare-jsoup baseline of
 * the same run: ms per corpus, the ratio, articles/s and MB/s on one core.
 * Arguments: {@code forks warmupIterations iterations secondsPerIteration generatedFiles} (see {@link JmhRun}).
 */
public final class ParseReport {
    private ParseReport() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        System.out.print(run(JmhRun.fromArgs(args), JmhRun.arg(args, 4, 500)));
    }

    /** Runs the benchmark and returns the report as a Markdown table. */
    public static String run(JmhRun jmh, int generatedFiles) throws RunnerException, IOException {
        ChainedOptionsBuilder options = jmh.options(ParseBenchmark.class)
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

}
