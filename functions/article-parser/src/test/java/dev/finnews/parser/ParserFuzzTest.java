package dev.finnews.parser;

import dev.finnews.article.Article;
import dev.finnews.article.Limits;
import dev.finnews.parser.hostile.ArticleInvariants;
import dev.finnews.parser.hostile.HostileFiles;
import dev.finnews.parser.hostile.Mutator;
import dev.finnews.testing.Corpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded fuzzing: every real corpus file and every catalogue file, mutated ({@link Mutator}), plus
 * random bytes. The only failure allowed is the parser's own {@link ParseException} with a real reason;
 * every article must satisfy {@link ArticleInvariants}. Each case runs under a generous hang guard.
 *
 * <p>{@code -Dfinnews.fuzz.cases=N} sets the number of cases (the {@code long} profile runs 100,000),
 * {@code -Dfinnews.fuzz.seed=S} the seed, {@code -Dfinnews.fuzz.case=I} replays case I alone. Failing
 * inputs are written to {@code target/fuzz-failures/} for a closer look.
 */
class ParserFuzzTest {
    private static final int CASES = Integer.getInteger("finnews.fuzz.cases", 3000);
    private static final long SEED = Long.getLong("finnews.fuzz.seed", 0x5EED_F1A7L);
    private static final Long ONLY_CASE = Long.getLong("finnews.fuzz.case");
    private static final long HANG_GUARD_SECONDS = 30;
    /** Catalogue files above this size are structurally repetitive; the small ones are enough to mutate. */
    private static final int MAX_SOURCE_BYTES = 256 * 1024;
    private static final String BUCKET = "articles";
    private static final String KEY = "fuzz/case.md";

    private final ArticleParser parser = new ArticleParser(Limits.DEFAULT_MAX_BYTES);

    @Test
    void mutatedCorpusAndCatalogueFilesAndRandomBytesGiveASoundArticleOrAParseException() throws InterruptedException {
        List<byte[]> corpus = Corpus.devContents();
        List<byte[]> catalogue = HostileFiles.smallFiles(MAX_SOURCE_BYTES);
        Mutator mutator = new Mutator(corpus, catalogue);

        Tally tally = new Tally();
        List<String> problems = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(daemon());
        long started = System.nanoTime();
        try {
            long first = ONLY_CASE != null ? ONLY_CASE : 0;
            long end = ONLY_CASE != null ? ONLY_CASE + 1 : CASES;
            for (long n = first; n < end && problems.size() < 20; n++) {
                byte[] input = mutator.next(Mutator.randomFor(SEED, n));
                long caseStart = System.nanoTime();
                Future<String> verdict = worker.submit(() -> verdict(input, tally));
                String problem;
                try {
                    problem = verdict.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    verdict.cancel(true);
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor(daemon()); // the stuck thread is abandoned
                    problem = "no answer within " + HANG_GUARD_SECONDS + " s";
                } catch (ExecutionException e) {
                    problem = "the check itself failed: " + e.getCause();
                }
                tally.timed(n, System.nanoTime() - caseStart);
                if (problem != null) {
                    problems.add("case " + n + " (" + input.length + " bytes): " + problem + "; saved as " + save(n, input));
                }
            }
        } finally {
            worker.shutdownNow();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("fuzz: %d cases (seed %#x, %d corpus + %d catalogue sources) in %d ms; %d articles, failures %s; "
                        + "slowest case %d (%d ms)%n", tally.cases, SEED, corpus.size(), catalogue.size(), millis,
                tally.articles, tally.failures, tally.slowestCase, tally.slowestNanos / 1_000_000);
        assertThat(problems).as("replay one with -Dfinnews.fuzz.seed=%d -Dfinnews.fuzz.case=N", SEED).isEmpty();
    }

    /** Null when the parser's answer is allowed, else what is wrong with it. */
    private String verdict(byte[] input, Tally tally) {
        Article article;
        try {
            article = parser.parse(input, BUCKET, KEY);
        } catch (ParseException e) {
            tally.failed(e.code());
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                return "ParseException " + e.code() + " without a message";
            }
            return e.getMessage().startsWith(ArticleParser.INTERNAL_FAILURE)
                    ? "the last-resort guard caught a bug: " + e.code() + " " + e.getMessage() : null;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return "escaped: " + e;
        }
        tally.parsed();
        List<String> broken = ArticleInvariants.violations(article, BUCKET, KEY);
        return broken.isEmpty() ? null : "unsound article: " + broken;
    }


    private static Path save(long caseNumber, byte[] input) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
            return Files.write(dir.resolve("case-" + caseNumber + ".bin"), input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        };
    }

    /** Counts for the summary line; written by the worker thread, read after it finished. */
    private static final class Tally {
        volatile long cases;
        volatile long articles;
        final Map<ErrorCode, Integer> failures = new TreeMap<>();
        volatile long slowestCase = -1;
        volatile long slowestNanos;

        synchronized void parsed() {
            articles++;
        }

        synchronized void failed(ErrorCode code) {
            failures.merge(code, 1, Integer::sum);
        }

        synchronized void timed(long caseNumber, long nanos) {
            cases++;
            if (nanos > slowestNanos) {
                slowestNanos = nanos;
                slowestCase = caseNumber;
            }
        }
    }
}
