package dev.finnews.local.generate;

import dev.finnews.generator.CorpusGenerator;
import dev.finnews.local.cli.Arguments;
import dev.finnews.local.cli.Command;
import dev.finnews.local.cli.ExitCode;
import dev.finnews.local.cli.Option;
import dev.finnews.local.cli.Options;
import dev.finnews.local.cli.Terminal;
import dev.finnews.local.cli.UsageException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code finnews generate --count N --out DIR [--seed S]}: writes N synthetic articles in the real upload
 * format (invented text, mixed feeds, 1 KB to 100 KB+), the same files for the same seed.
 */
public final class GenerateCommand implements Command {
    private static final Options OPTIONS = Options.of(
            Option.value("--count", "N", null, "how many files (1–1000000)"),
            Option.value("--out", "DIR", null, "where to write them (created if missing)"),
            Option.value("--seed", "S", "1", "the same seed gives the same files"));

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "Write synthetic article files in the real format, for benchmarks and load tests";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public int run(Arguments args, Terminal terminal) throws UsageException {
        int count = args.integer("--count", 1, 1_000_000);
        Path out = Path.of(args.required("--out"));
        long seed;
        try {
            seed = Long.parseLong(args.required("--seed"));
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be a whole number");
        }
        try {
            List<Path> written = new CorpusGenerator(seed).writeTo(out, count);
            terminal.err().println("wrote " + written.size() + " files to " + out);
            return ExitCode.OK;
        } catch (IOException e) {
            terminal.err().println("finnews generate: cannot write to " + out + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
    }
}
