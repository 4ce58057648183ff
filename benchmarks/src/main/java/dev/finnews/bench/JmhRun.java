package dev.finnews.bench;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * How every report runs JMH: one thread, the given forks, warm-up and measurement iterations of equal
 * length. {@code forks == 0} is the in-process smoke run of the default build, which stays quiet.
 */
public record JmhRun(int forks, int warmups, int iterations, TimeValue time) {

    /** Reads {@code forks warmups iterations seconds} from {@code args[0..3]}, with defaults for what is missing. */
    public static JmhRun fromArgs(String[] args) {
        return new JmhRun(arg(args, 0, 1), arg(args, 1, 5), arg(args, 2, 5), TimeValue.seconds(arg(args, 3, 2)));
    }

    public ChainedOptionsBuilder options(Class<?> benchmark) {
        return new OptionsBuilder()
                .include(benchmark.getName())
                .forks(forks)
                .warmupIterations(warmups)
                .warmupTime(time)
                .measurementIterations(iterations)
                .measurementTime(time)
                .threads(1)
                .verbosity(forks == 0 ? VerboseMode.SILENT : VerboseMode.NORMAL);
    }

    static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
