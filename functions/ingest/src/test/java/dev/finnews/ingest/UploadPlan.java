package dev.finnews.ingest;

import dev.finnews.article.Article;
import dev.finnews.generator.CorpusGenerator;
import dev.finnews.parser.ArticleParser;
import dev.finnews.parser.ParseException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What operators do to the bucket during one fault run: per key, a short history of uploads and
 * deletes. Most keys get one generated article; others get several versions (new title, categories,
 * stocks), an identical re-upload, a delete, a delete and re-create; a few get broken files.
 *
 * <p>One shape is left out on purpose: a good version followed by a broken one with no delete in
 * between. By design the table then keeps the last good version it managed to read, which depends on
 * timing, not on S3's final state; the unit tests pin that rule. Every history here has a final state
 * that S3's last version decides alone.
 */
final class UploadPlan {

    sealed interface Op {
    }

    /** @param broken true when the content is meant to be refused (the expected state is still computed from S3) */
    record Put(byte[] content, boolean broken) implements Op {
    }

    record Delete() implements Op {
    }

    record History(String key, List<Op> ops) {
    }

    private static final String[] PREFIXES = {"faults/", "faults/新浪 财经/", "faults/a+b %2F c/"};

    private final CorpusGenerator generator;
    private final SplittableRandom random;
    private final ArticleParser parser;
    private final int maxObjectBytes;
    private final int firstFile;
    private int nextFile;
    private int nextBroken;

    /** @param firstFile the first generated file used; plans for different buckets use different files */
    UploadPlan(CorpusGenerator generator, SplittableRandom random, int maxObjectBytes, int firstFile) {
        this.generator = generator;
        this.random = random;
        this.parser = new ArticleParser(maxObjectBytes);
        this.maxObjectBytes = maxObjectBytes;
        this.firstFile = firstFile;
        this.nextFile = firstFile;
    }

    /** Histories for {@code keys} keys with generated articles, plus {@code brokenKeys} keys that meet broken files. */
    List<History> histories(int keys, int brokenKeys) {
        List<History> all = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            all.add(goodHistory());
        }
        for (int i = 0; i < brokenKeys; i++) {
            all.add(brokenHistory(i));
        }
        return all;
    }

    private History goodHistory() {
        CorpusGenerator.GeneratedFile first = generator.file(nextFile++);
        String key = PREFIXES[random.nextInt(PREFIXES.length)] + first.name();
        Put v1 = new Put(first.content(), false);
        boolean dated = parse(first.content()).publishedAt() != null;
        int shape = random.nextInt(100);
        List<Op> ops;
        if (shape < 55) {
            ops = List.of(v1);
        } else if (shape < 70) {
            ops = random.nextBoolean() ? List.of(v1, good()) : List.of(v1, good(), good());
        } else if (shape < 75 && dated) {
            // the same bytes again: only the sequencer moves (a dated article, so its sort key holds whatever the timing)
            ops = List.of(v1, new Put(first.content(), false));
        } else if (shape < 85) {
            ops = List.of(v1, new Delete());
        } else if (shape < 95) {
            ops = List.of(v1, new Delete(), good());
        } else {
            ops = List.of(v1, new Delete(), broken());
        }
        return new History(key, ops);
    }

    private History brokenHistory(int i) {
        String key = "faults/损坏 文件+" + (firstFile + i) + ".md";
        List<Op> ops = switch (i % 6) {
            case 0 -> List.of(broken());
            case 1 -> List.of(broken(), broken());
            case 2 -> List.of(broken(), good());                 // fixed later: the failure is cleared
            case 3 -> List.of(good(), broken(), good());         // a failure in between, then a good version
            case 4 -> List.of(broken(), new Delete());          // removed: its failure goes with it
            default -> {
                Put same = broken();
                yield List.of(same, same);                      // the same broken bytes again: only the sequencer moves
            }
        };
        return new History(key, ops);
    }

    private Put good() {
        byte[] content = generator.file(nextFile++).content();
        parse(content);
        return new Put(content, false);
    }

    /** Broken in one of six ways; the parser's error code (or TOO_LARGE) is what the table must record. */
    private Put broken() {
        int variant = nextBroken++ % 6;
        byte[] content = switch (variant) {
            case 0 -> new byte[0];
            case 1 -> " \n\t \r\n ".getBytes(StandardCharsets.UTF_8);
            case 2 -> binary();
            case 3 -> "这不是文章：只有一行没有前置元数据的文字。\n".getBytes(StandardCharsets.UTF_8);
            case 4 -> ("\n---\ncategories: \n - 金融\nauthor: 测试\ncomments: false\n---\n\n<div>   <p>前置元数据里没有标题。</p></div>")
                    .getBytes(StandardCharsets.UTF_8);
            default -> oversized();
        };
        return new Put(content, true);
    }

    private byte[] binary() {
        byte[] b = new byte[512];
        random.nextBytes(b);
        b[0] = 0;
        b[100] = 0;
        return b;
    }

    /** A generated article padded past the object size limit. */
    private byte[] oversized() {
        byte[] article = generator.file(nextFile++).content();
        byte[] padded = new byte[maxObjectBytes + 4096];
        System.arraycopy(article, 0, padded, 0, article.length);
        Arrays.fill(padded, article.length, padded.length, (byte) ' ');
        return padded;
    }

    /** A generated file must parse: the shapes above rely on knowing which versions are good. */
    private Article parse(byte[] content) {
        try {
            return parser.parse(content, "plan", "plan.md");
        } catch (ParseException e) {
            throw new AssertionError("a generated file does not parse: " + e.getMessage(), e);
        }
    }
}
