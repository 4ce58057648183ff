package dev.finnews.parser;

import dev.finnews.article.Article;
import dev.finnews.article.ArticleId;
import dev.finnews.article.Evidence;
import dev.finnews.article.Image;
import dev.finnews.article.Limits;
import dev.finnews.article.Normalize;
import dev.finnews.article.StockMention;
import dev.finnews.article.Warning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the bytes of one uploaded article file into an {@link Article}. Thread-safe and reusable.
 * Throws nothing but {@link ParseException}, and no input makes it hang.
 */
public final class ArticleParser {
    /** Bumped whenever extraction changes, so ingest re-extracts objects stored by an older parser. */
    public static final String VERSION = "2";

    /** How a failure caught by the last-resort guard starts its message; tests treat it as a bug. */
    static final String INTERNAL_FAILURE = "the file could not be read (";

    private final int maxBytes;

    /** @param maxBytes the largest file accepted; larger ones fail with {@link ErrorCode#TOO_LARGE} */
    public ArticleParser(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * @param content the file's bytes
     * @param bucket  the bucket it was (or would be) uploaded to
     * @param key     the decoded S3 key (or file name)
     * @throws ParseException       when the file is not an article, with the reason as an {@link ErrorCode}
     * @throws NullPointerException when an argument is null (a caller's bug, not a file's)
     */
    public Article parse(byte[] content, String bucket, String key) throws ParseException {
        Objects.requireNonNull(content, "content");
        String id = ArticleId.of(Objects.requireNonNull(bucket, "bucket"), Objects.requireNonNull(key, "key"));
        if (content.length > maxBytes) {
            throw new ParseException(ErrorCode.TOO_LARGE,
                    "the file has " + content.length + " bytes, more than the limit of " + maxBytes);
        }
        TextDecoder.DecodedText decoded = guarded(ErrorCode.NOT_TEXT, () -> TextDecoder.decode(content));
        FileLayout layout = guarded(ErrorCode.NO_FRONT_MATTER, () -> FileLayout.split(decoded.text()));
        FrontMatter frontMatter = guarded(ErrorCode.BAD_FRONT_MATTER, () -> FrontMatter.read(layout.frontMatter()));
        return guarded(ErrorCode.NOT_TEXT, () -> build(id, decoded.transcoded(), frontMatter, layout));
    }

    private static Article build(String id, boolean transcoded, FrontMatter fm, FileLayout layout) {
        Set<Warning> warnings = new LinkedHashSet<>();
        if (transcoded) {
            warnings.add(Warning.TRANSCODED);
        }
        if (fm.lenient()) {
            warnings.add(Warning.LENIENT_FRONT_MATTER);
        }
        String titleRaw = field(fm.title());
        List<String> categories = categories(fm.categories(), warnings);
        String author = blankToNull(field(fm.author()).strip());
        PublishTime time = PublishTime.of(fm.date() == null ? null : TextCleaner.decodeEntities(fm.date()));
        if (time.warning() != null) {
            warnings.add(time.warning());
        }

        BodyReader.Markup markup = BodyReader.read(layout);
        ArticleText text = ArticleText.of(markup.paragraphs(), markup.plainText());
        String plain = text.text();
        if (plain.isEmpty()) {
            warnings.add(Warning.EMPTY_BODY);
        }

        // only a title with an underscore has something to restore, and only then is the body copied out
        String title = titleRaw.indexOf('_') < 0 ? titleRaw : TitleRestorer.restore(titleRaw, plain, layout.body());
        if (!title.equals(titleRaw)) {
            warnings.add(Warning.TITLE_RESTORED);
        }

        StockCollector stocks = markup.stocks();
        stocks.addAll(StockReferences.inText(titleRaw), Evidence.CODE_PATTERN);
        stocks.addAll(StockReferences.inText(plain), Evidence.CODE_PATTERN);
        if (stocks.capped()) {
            warnings.add(Warning.STOCKS_CAPPED);
        }
        List<StockMention> mentions = stocks.mentions();

        List<Image> images = markup.images();
        if (images.size() > Limits.MAX_IMAGES) {
            images = images.subList(0, Limits.MAX_IMAGES);
            warnings.add(Warning.IMAGES_CAPPED);
        }

        List<String> keywords = keywords(mentions, markup.keywords(), warnings);
        String editor = markup.editor() != null ? markup.editor() : text.editor();
        String origin = text.origin() != null ? text.origin() : markup.adListOrigin();

        return new Article(id, title.strip(), titleRaw, categories, author, origin, editor,
                time.instant(), time.date(), plain, Summary.of(text.paragraphs()), images,
                images.isEmpty() ? null : images.get(0).url(), mentions, keywords,
                warnings.stream().map(Warning::name).toList());
    }

    private static List<String> categories(List<String> written, Set<Warning> warnings) {
        List<String> out = new ArrayList<>();
        for (String c : written) {
            String category = field(c).strip();
            if (!surelyVisible(category) && Normalize.key(category).isEmpty()) {
                continue; // blank, or only zero-width characters: nothing anyone could see or look up
            }
            if (out.size() == Limits.MAX_CATEGORIES) {
                warnings.add(Warning.CATEGORIES_CAPPED);
                break;
            }
            out.add(category);
        }
        return out;
    }

    /**
     * Whether the text holds an ASCII letter or digit or a CJK ideograph (U+4E00–U+9FFF): NFKC and case
     * folding keep such a character visible, so its {@link Normalize#key} cannot be empty, and the
     * normaliser need not run (nearly every category is like that).
     */
    private static boolean surelyVisible(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c >= 0x4E00 && c <= 0x9FFF)) {
                return true;
            }
        }
        return false;
    }

    /** Stock names first, then the keywords the markup carries; one per normalised form, capped. */
    private static List<String> keywords(List<StockMention> mentions, List<String> markupKeywords, Set<Warning> warnings) {
        Map<String, String> byKey = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>();
        for (StockMention m : mentions) {
            if (m.name() != null) {
                candidates.add(m.name());
            }
        }
        candidates.addAll(markupKeywords);
        Set<String> seen = new HashSet<>();
        for (String k : candidates) {
            if (!seen.add(k)) {
                continue; // a stock's link text is often a markup keyword too: its key is already decided
            }
            String key = Normalize.key(k);
            if (key.isEmpty() || byKey.containsKey(key)) {
                continue;
            }
            if (byKey.size() == Limits.MAX_KEYWORDS) {
                warnings.add(Warning.KEYWORDS_CAPPED);
                break;
            }
            byKey.put(key, k);
        }
        return List.copyOf(byKey.values());
    }

    /** A front matter value with entities decoded, on one line, at most {@link Limits#MAX_FIELD_CHARS} characters. */
    private static String field(String value) {
        return value == null ? "" : TextCleaner.truncate(TextCleaner.singleLine(TextCleaner.decodeEntities(value)), Limits.MAX_FIELD_CHARS);
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /**
     * Runs one step; a bug inside it (an unexpected runtime exception, or a stack overflow on
     * pathological nesting) becomes a {@link ParseException} with the step's code, never an escape.
     */
    private static <T> T guarded(ErrorCode code, Step<T> step) throws ParseException {
        try {
            return step.run();
        } catch (RuntimeException | StackOverflowError e) {
            throw new ParseException(code, INTERNAL_FAILURE + e.getClass().getSimpleName() + ")");
        }
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws ParseException;
    }
}
