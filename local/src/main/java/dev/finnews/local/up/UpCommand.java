package dev.finnews.local.up;

import dev.finnews.local.cli.Arguments;
import dev.finnews.local.cli.Command;
import dev.finnews.local.cli.ExitCode;
import dev.finnews.local.cli.Option;
import dev.finnews.local.cli.Options;
import dev.finnews.local.cli.Terminal;
import dev.finnews.local.cli.UsageException;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code finnews up}: runs the whole pipeline locally until Ctrl-C or SIGTERM, then stops everything
 * (moto included) within a few seconds. Handler logs go to standard error; standard output carries
 * only the banner and its {@code READY} line.
 */
public final class UpCommand implements Command {
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Duration SEED_PATIENCE = Duration.ofSeconds(30);
    private static final Options OPTIONS = Options.of(
            Option.value("--api-port", "PORT", "3000", "port of the HTTP API on 127.0.0.1 (0: any free port)"),
            Option.value("--aws-port", "PORT", "4566", "port for moto's server on 127.0.0.1 (0: any free port)"),
            Option.value("--endpoint", "URL", null, "use an emulator already running there (LocalStack, moto) instead of starting moto"),
            Option.value("--bucket", "NAME", "articles", "the upload bucket"),
            Option.value("--table", "NAME", "finnews-articles", "the article table"),
            Option.value("--region", "REGION", "us-east-1", "the region the emulator and the handlers use"),
            Option.flag("--no-seed", "do not upload the sample articles from samples/"),
            Option.value("--data-dir", "DIR", null, "not supported: every run starts empty (see docs/local.md)"));

    @Override
    public String name() {
        return "up";
    }

    @Override
    public String summary() {
        return "Run the whole pipeline locally (S3 → ingest → DynamoDB → query API) until Ctrl-C";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public int run(Arguments args, Terminal terminal) throws UsageException {
        UpSettings settings = settings(args);
        LocalRunner runner = new LocalRunner(settings, terminal.err());
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before anything starts, so Ctrl-C during start-up also stops moto.
        Thread stop = new Thread(() -> {
            runner.close();
            terminal.err().println("finnews: stopped");
            stopped.countDown();
        }, "finnews-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        // Handler logs (System.out in Lambda, i.e. CloudWatch) go to stderr; stdout keeps the banner clean.
        System.setOut(terminal.err());
        try {
            runner.start();
            // Ctrl-C reaches moto too (same process group): look a moment later, when the stop has begun.
            runner.motoProcess().ifPresent(moto -> moto.onExit().thenRunAsync(() -> {
                if (!runner.closed()) {
                    terminal.err().println("finnews: moto's server exited unexpectedly (status " + moto.exitValue() + "); stopping");
                    System.exit(ExitCode.FAILED);
                }
            }, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS)));
            int seeded = settings.seed() ? runner.seed(SEED_PATIENCE) : 0;
            String api = "http://127.0.0.1:" + runner.apiPort();
            terminal.out().print(Banner.text(api, runner.endpoint(), runner.resources(), settings.region(), seeded));
            terminal.out().flush();
        } catch (StartFailure | IOException | RuntimeException e) {
            terminal.err().println("finnews up: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            runner.close();
            Runtime.getRuntime().removeShutdownHook(stop);
            return ExitCode.FAILED;
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    private static UpSettings settings(Arguments args) throws UsageException {
        if (args.has("--data-dir")) {
            throw new UsageException("--data-dir is not supported: every run starts empty; keep your files and upload "
                    + "them again (aws s3 sync DIR s3://BUCKET/)");
        }
        if (args.has("--endpoint") && args.has("--aws-port")) {
            throw new UsageException("--aws-port starts moto on that port; --endpoint uses one already running: give one of them");
        }
        String bucket = args.required("--bucket");
        if (!BUCKET_NAME.matcher(bucket).matches() || bucket.contains("..")) {
            throw new UsageException("--bucket '" + bucket + "' is not a valid S3 bucket name (3-63 of a-z 0-9 . -)");
        }
        return new UpSettings(args.integer("--api-port", 0, 65535), args.integer("--aws-port", 0, 65535),
                args.endpoint("--endpoint"), bucket, args.required("--table"), args.required("--region"),
                !args.has("--no-seed"));
    }
}
