package dev.finnews.bench.query;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

import java.util.Locale;

/**
 * Runs {@link QueryOverheadBenchmark} and prints p50 / p99 / p99.9 per route in microseconds.
 * Arguments: {@code forks warmupIterations iterations secondsPerIteration}.
 */
public final class QueryOverheadReport {
    private QueryOverheadReport() {
    }

    public static void main(String[] args) throws RunnerException {
        System.out.print(run(arg(args, 0, 1), arg(args, 1, 3), arg(args, 2, 5), TimeValue.seconds(arg(args, 3, 2))));
    }

    public static String run(int forks, int warmups, int iterations, TimeValue time) throws RunnerException {
        var options = new OptionsBuilder()
                .include(QueryOverheadBenchmark.class.getName())
                .forks(forks)
                .warmupIterations(warmups)
                .warmupTime(time)
                .measurementIterations(iterations)
                .measurementTime(time)
                .threads(1)
                .verbosity(forks == 0 ? VerboseMode.SILENT : VerboseMode.NORMAL) // smoke runs stay quiet
                .build();
        StringBuilder out = new StringBuilder("| request | p50 µs | p99 µs | p99.9 µs |\n|---|---:|---:|---:|\n");
        for (RunResult r : new Runner(options).run()) {
            Statistics s = r.getPrimaryResult().getStatistics();
            out.append(String.format(Locale.ROOT, "| `%s` | %.1f | %.1f | %.1f |%n",
                    r.getParams().getParam("request"), s.getPercentile(50), s.getPercentile(99), s.getPercentile(99.9)));
        }
        return out.toString();
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
