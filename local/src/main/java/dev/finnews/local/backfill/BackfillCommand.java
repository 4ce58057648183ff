package dev.finnews.local.backfill;

import dev.finnews.article.S3Location;
import dev.finnews.ingest.IngestService;
import dev.finnews.ingest.IngestServices;
import dev.finnews.ingest.ObjectChange;
import dev.finnews.ingest.Outcome;
import dev.finnews.local.aws.AwsTarget;
import dev.finnews.local.cli.Arguments;
import dev.finnews.local.cli.Command;
import dev.finnews.local.cli.ExitCode;
import dev.finnews.local.cli.Option;
import dev.finnews.local.cli.Options;
import dev.finnews.local.cli.Terminal;
import dev.finnews.local.cli.UsageException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code finnews backfill --bucket B}: re-ingests every object under a prefix through the ingest
 * service (the code path the ingest function runs), as if each had just been uploaded: listing page
 * by page, {@code --concurrency} objects at a time, with progress on standard error and the summary
 * {@code stored=N unchanged=N failed=N stale=N} on standard output. Without {@code --force} an object
 * already stored from the same version by the same parser is left unchanged. Folder placeholders
 * (keys ending in {@code /}) are skipped.
 */
public final class BackfillCommand implements Command {
    private static final Options OPTIONS = Options.of(
            Option.value("--bucket", "NAME", null, "the bucket to re-ingest (required)"),
            Option.value("--prefix", "P", "", "only keys starting with P"),
            Option.value("--endpoint", "URL", null, "an emulator's endpoint; default: AWS with the default credential chain"),
            Option.value("--table", "NAME", "finnews-articles", "the article table"),
            Option.value("--region", "REGION", null, "default: $AWS_REGION, else us-east-1"),
            Option.flag("--force", "re-extract and store even objects that are unchanged"),
            Option.value("--concurrency", "N", "4", "objects in work at once (1-64)"));

    @Override
    public String name() {
        return "backfill";
    }

    @Override
    public String summary() {
        return "Re-ingest every object under a prefix (after a parser upgrade, or to repair); prints stored/unchanged/failed";
    }

    @Override
    public Options options() {
        return OPTIONS;
    }

    @Override
    public int run(Arguments args, Terminal terminal) throws UsageException {
        String bucket = args.required("--bucket");
        String prefix = args.value("--prefix").orElse("");
        int concurrency = args.integer("--concurrency", 1, 64);
        IngestService.Mode mode = args.has("--force") ? IngestService.Mode.FORCE : IngestService.Mode.NORMAL;
        Map<String, String> base = System.getenv();
        AwsTarget target = new AwsTarget(args.endpoint("--endpoint"),
                args.value("--region").orElseGet(() -> AwsTarget.defaultRegion(base)));
        IngestService service = IngestServices.fromEnv(target.handlerEnv(base, args.required("--table")));

        Tally tally = new Tally();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        // Bounds the objects listed but not yet ingested, so a bucket of millions is never held in memory.
        Semaphore inWork = new Semaphore(concurrency * 4);
        String listingError = null;
        try (S3Client s3 = target.s3(base);
             Progress progress = new Progress(terminal.err(), terminal.errIsTty(), tally::done, tally::summary)) {
            try {
                long count = 0;
                for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
                    if (object.key().endsWith("/")) {
                        continue;
                    }
                    inWork.acquireUninterruptibly();
                    progress.listed(++count);
                    workers.execute(() -> {
                        try {
                            ingest(service, bucket, object, mode, tally, progress);
                        } finally {
                            inWork.release();
                        }
                    });
                }
                progress.listingDone();
            } catch (SdkException e) {
                listingError = e.getMessage();
            } finally {
                finish(workers);
            }
        }
        if (listingError != null) {
            terminal.err().println("finnews backfill: cannot list s3://" + bucket + "/" + prefix + ": " + listingError);
        }
        terminal.out().println(tally.summary());
        return listingError == null && tally.failed() == 0 ? ExitCode.OK : ExitCode.FAILED;
    }

    private static void ingest(IngestService service, String bucket, S3Object object, IngestService.Mode mode, Tally tally,
                               Progress progress) {
        ObjectChange.Created change = new ObjectChange.Created(new S3Location(bucket, object.key()), object.eTag(),
                object.size(), null);
        try {
            Outcome outcome = service.ingest(change, mode);
            tally.add(outcome);
            if (outcome instanceof Outcome.Failed failed) {
                progress.note("failed  " + object.key() + ": " + failed.reason() + " " + failed.message());
            }
        } catch (RuntimeException e) {
            tally.addError();
            progress.note("error   " + object.key() + ": " + e);
        }
    }

    private static void finish(ExecutorService workers) {
        workers.shutdown();
        try {
            // each object in work is bounded by the SDK's timeouts
            workers.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
