package dev.finnews.parser.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded mutations of article files for fuzzing: byte flips, truncation, splicing two files, inserting
 * fragments that matter to the parser's readers, repeating and deleting regions, and plain random bytes.
 * The same seed and case number always give the same bytes, so any failure can be replayed.
 */
public final class Mutator {
    /** Mutants are cut to this size; the parser's size limit is tested by the catalogue, not here. */
    public static final int MAX_BYTES = 1024 * 1024;

    /** Delimiters, quotes, YAML indicators, dates, markup, stock references, entities and odd characters. */
    private static final List<byte[]> FRAGMENTS = List.of(
            utf8("---\n"), utf8("\n---\n"), utf8("---"), utf8("\n"), utf8("\r\n"), utf8("\r"), utf8("'"), utf8("\""),
            utf8("'\"'"), utf8("_"), utf8(":"), utf8(": "), utf8(" - "), utf8("\n - "), utf8("- - - - "), utf8("["),
            utf8("{"), utf8("&a "), utf8("*a "), utf8("!!binary "), utf8("? "), utf8("|\n"), utf8("#"),
            utf8("title: "), utf8("\ntitle: '标题'\n"), utf8("date: "), utf8("Invalid Date"), utf8("Tue, 17 May 2022 11:06:04 GMT"),
            utf8("9999-12-31 23:59:59"), utf8("categories: \n - 金融\n"),
            utf8("<"), utf8(">"), utf8("</"), utf8("<p>"), utf8("</p>"), utf8("<div>"), utf8("</div>"), utf8("<pre>"),
            utf8("<br>"), utf8("<!--"), utf8("-->"), utf8("<![CDATA["), utf8("<script>"), utf8("</script>"),
            utf8("<style>"), utf8("<img src=\"https://img.example.com/a.jpg\" onerror=\"alert(1)\">"),
            utf8("<div class=\"img_wrapper\"><img src=\"//n.sinaimg.cn/x.jpg\"><span class=\"img_descr\">"),
            utf8("<span id=\"stock_sh600000\">"), utf8("<span id=\"hkstock_hk00700\">"), utf8("<span id=\"usstock_AAPL\">"),
            utf8("<span id=\"quote_"), utf8("<a href=\"https://finance.sina.com.cn/realstock/company/sz000001/nc.shtml\" class=\"keyword\">"),
            utf8("<a class=\"trsHotWords\" href=\"?stockcode=SZ000858\" code=\"000858\">"),
            utf8("<!-- news_keyword_pub,stock,sh600000&sz000001 -->"), utf8("<!-- news_keyword_pub,stock, -->"),
            utf8("<!--article_adlist["), utf8("]article_adlist-->"), utf8("<p class=\"article-editor\">责任编辑："),
            utf8("<span class=\"__cf_email__\" data-cfemail=\"422302206c21\">"), utf8("（600968.SH）"), utf8("(00700.HK)"),
            utf8("（AAPL.US）"), utf8("来源："), utf8("原标题："), utf8("“"), utf8("”"),
            utf8("&"), utf8("&#"), utf8("&#123;"), utf8("&#125;"), utf8("&amp;"), utf8("&lt;"), utf8("&#0;"), utf8("&#xD800;"),
            utf8("&#xDC00;"), utf8("&#x1B;"), utf8("&#99999999;"), utf8("&#x110000;"),
            utf8("\u3000"), utf8("\u200D"), utf8("\u2028"), utf8("\uFFFD"), utf8("\uFEFF"), utf8("\u0007"), utf8("\u001B[31m"));

    /** Bytes that decoders trip on: NUL, BOMs, broken and overlong UTF-8, surrogates, GBK and GB18030 pairs. */
    private static final List<byte[]> RAW_BYTES = List.of(
            new byte[]{0}, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[]{(byte) 0xFF, (byte) 0xFE},
            new byte[]{(byte) 0xFE, (byte) 0xFF}, new byte[]{(byte) 0xC3}, new byte[]{(byte) 0xE4, (byte) 0xB8},
            new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[]{(byte) 0xD6, (byte) 0xD0}, new byte[]{(byte) 0x81, (byte) 0x30, (byte) 0x81, (byte) 0x30});

    private final List<byte[]> corpus;
    private final List<byte[]> catalogue;

    /**
     * @param corpus    real files: most mutations start from one of these
     * @param catalogue hostile files: the rest start from one of these
     */
    public Mutator(List<byte[]> corpus, List<byte[]> catalogue) {
        if (corpus.isEmpty() || catalogue.isEmpty()) {
            throw new IllegalArgumentException("no sources to mutate");
        }
        this.corpus = List.copyOf(corpus);
        this.catalogue = List.copyOf(catalogue);
    }

    private byte[] source(SplittableRandom random) {
        List<byte[]> from = random.nextInt(5) < 3 ? corpus : catalogue;
        return from.get(random.nextInt(from.size()));
    }

    /** The random generator of one case: a failure is replayed from the seed and the case number alone. */
    public static SplittableRandom randomFor(long seed, long caseNumber) {
        return new SplittableRandom(seed ^ (caseNumber * 0x9E37_79B9_7F4A_7C15L));
    }

    /** One fuzz input: about one in ten is random bytes, the rest are sources with a few (sometimes many) mutations. */
    public byte[] next(SplittableRandom random) {
        if (random.nextInt(10) == 0) {
            return randomBytes(random);
        }
        byte[] b = source(random);
        int edits = 1 + random.nextInt(random.nextInt(4) == 0 ? 24 : 4);
        for (int e = 0; e < edits; e++) {
            b = mutateOnce(b, random);
        }
        return b.length > MAX_BYTES ? Arrays.copyOf(b, MAX_BYTES) : b;
    }

    private byte[] mutateOnce(byte[] b, SplittableRandom random) {
        int at = random.nextInt(b.length + 1);
        int op = random.nextInt(20);
        if (op < 6) {
            return insert(b, at, FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
        }
        if (op < 7) {
            return insert(b, at, RAW_BYTES.get(random.nextInt(RAW_BYTES.size())));
        }
        return switch (op) {
            case 7, 8 -> flipBytes(b, random);
            case 9, 10 -> truncate(b, random);
            case 11, 12, 13 -> splice(b, source(random), random);
            case 14, 15 -> repeatRegion(b, random);
            case 16, 17 -> deleteRegion(b, random);
            default -> insert(b, at, region(b, random)); // a copy of another region
        };
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] b = new byte[random.nextInt(random.nextBoolean() ? 64 : 8192)];
        random.nextBytes(b);
        if (random.nextBoolean()) {
            // random text after a plausible start reaches past the decoder more often
            byte[] start = utf8("\n---\ntitle: '" + (char) ('A' + random.nextInt(26)) + "'\n");
            return insert(b, 0, start);
        }
        return b;
    }

    private static byte[] flipBytes(byte[] b, SplittableRandom random) {
        if (b.length == 0) {
            return b;
        }
        byte[] out = b.clone();
        int flips = 1 + random.nextInt(16);
        for (int i = 0; i < flips; i++) {
            int at = random.nextInt(out.length);
            out[at] = random.nextBoolean() ? (byte) (out[at] ^ (1 << random.nextInt(8))) : (byte) random.nextInt(256);
        }
        return out;
    }

    private static byte[] truncate(byte[] b, SplittableRandom random) {
        return Arrays.copyOf(b, random.nextInt(b.length + 1));
    }

    /** The start of one file joined to the end of another. */
    private static byte[] splice(byte[] a, byte[] b, SplittableRandom random) {
        int cutA = random.nextInt(a.length + 1);
        int cutB = random.nextInt(b.length + 1);
        byte[] out = Arrays.copyOf(a, cutA + b.length - cutB);
        System.arraycopy(b, cutB, out, cutA, b.length - cutB);
        return out;
    }

    private static byte[] insert(byte[] b, int at, byte[] fragment) {
        byte[] out = new byte[b.length + fragment.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(fragment, 0, out, at, fragment.length);
        System.arraycopy(b, at, out, at + fragment.length, b.length - at);
        return out;
    }

    /** A region repeated up to a few thousand times in place: deep nesting, long runs, many spans. */
    private static byte[] repeatRegion(byte[] b, SplittableRandom random) {
        byte[] region = region(b, random);
        if (region.length == 0) {
            return b;
        }
        int times = Math.min(1 + random.nextInt(random.nextBoolean() ? 8 : 5000), MAX_BYTES / region.length);
        byte[] repeated = new byte[region.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(region, 0, repeated, i * region.length, region.length);
        }
        return insert(b, random.nextInt(b.length + 1), repeated);
    }

    private static byte[] deleteRegion(byte[] b, SplittableRandom random) {
        if (b.length == 0) {
            return b;
        }
        int from = random.nextInt(b.length);
        int to = Math.min(b.length, from + 1 + random.nextInt(Math.min(b.length - from, 512)));
        byte[] out = Arrays.copyOf(b, b.length - (to - from));
        System.arraycopy(b, to, out, from, b.length - to);
        return out;
    }

    /** A short region of {@code b}, mostly a few bytes to a few hundred. */
    private static byte[] region(byte[] b, SplittableRandom random) {
        if (b.length == 0) {
            return b;
        }
        int from = random.nextInt(b.length);
        int length = 1 + random.nextInt(Math.min(b.length - from, random.nextBoolean() ? 16 : 400));
        return Arrays.copyOfRange(b, from, from + length);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
