package dev.finnews.bench.query;

import dev.finnews.bench.JmhRun;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.util.Statistics;

import java.util.Locale;

/**
 * Runs {@link QueryOverheadBenchmark} and prints p50 / p99 / p99.9 per route in microseconds.
 * Arguments: {@code forks warmupIterations iterations secondsPerIteration} (see {@link JmhRun}).
 */
public final class QueryOverheadReport {
    private QueryOverheadReport() {
    }

    public static void main(String[] args) throws RunnerException {
        System.out.print(run(JmhRun.fromArgs(args)));
    }

    public static String run(JmhRun jmh) throws RunnerException {
        var options = jmh.options(QueryOverheadBenchmark.class).build();
        StringBuilder out = new StringBuilder("| request | p50 µs | p99 µs | p99.9 µs |\n|---|---:|---:|---:|\n");
        for (RunResult r : new Runner(options).run()) {
            Statistics s = r.getPrimaryResult().getStatistics();
            out.append(String.format(Locale.ROOT, "| `%s` | %.1f | %.1f | %.1f |%n",
                    r.getParams().getParam("request"), s.getPercentile(50), s.getPercentile(99), s.getPercentile(99.9)));
        }
        return out.toString();
    }

}
