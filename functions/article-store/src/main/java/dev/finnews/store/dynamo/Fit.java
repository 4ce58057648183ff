package dev.finnews.store.dynamo;

import dev.finnews.article.Article;
import dev.finnews.article.Image;
import dev.finnews.article.Limits;
import dev.finnews.article.StockMention;
import dev.finnews.store.StoredArticle;
import dev.finnews.store.TextCut;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Defensive caps that keep an article item well under DynamoDB's 400 KB, whatever the parser (or a
 * future one) hands over: text to {@link #MAX_TEXT_BYTES} (flagged {@code textTruncated}), every other
 * field to a byte budget, lists to the model's {@link Limits}. Worst case ≈ 200 + 75 (images) + 35
 * (everything else) KB. Also pins {@code publishDate} to the Beijing date of {@code publishedAt}.
 */
final class Fit {
    static final int MAX_TEXT_BYTES = 200_000;
    static final int FIELD_BYTES = 1_500;
    static final int SUMMARY_BYTES = 3_000;
    static final int URL_BYTES = 1_024;
    static final int CAPTION_BYTES = 300;
    static final int WORD_BYTES = 120;
    static final int MESSAGE_BYTES = 2_000;
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private Fit() {
    }

    static StoredArticle article(StoredArticle s) {
        Article a = s.article();
        String text = TextCut.toUtf8Bytes(a.text(), MAX_TEXT_BYTES);
        boolean truncated = s.textTruncated() || text.length() < a.text().length();
        LocalDate publishDate = a.publishedAt() == null ? null : LocalDate.ofInstant(a.publishedAt(), BEIJING);
        Article fitted = new Article(a.id(), field(a.title()), field(a.titleRaw()),
                a.categories().stream().limit(Limits.MAX_CATEGORIES).map(Fit::field).toList(),
                field(a.author()), field(a.origin()), field(a.editor()),
                a.publishedAt(), publishDate, text, TextCut.toUtf8Bytes(a.summary(), SUMMARY_BYTES),
                images(a.images()), url(a.leadImage()), stocks(a.stocks()),
                words(a.keywords(), Limits.MAX_KEYWORDS), words(a.warnings(), Limits.MAX_KEYWORDS));
        return new StoredArticle(fitted, s.source(), truncated, s.parserVersion(), s.eTag(), s.sequencer(), s.storedAt());
    }

    static String field(String s) {
        return s == null ? null : TextCut.toUtf8Bytes(s, FIELD_BYTES);
    }

    static String message(String s) {
        return s == null ? null : TextCut.toUtf8Bytes(s, MESSAGE_BYTES);
    }

    /** A URL too long to keep is dropped, not cut: half a URL points nowhere. */
    private static String url(String s) {
        return s == null || TextCut.utf8Length(s) > URL_BYTES ? null : s;
    }

    private static List<Image> images(List<Image> images) {
        List<Image> kept = new ArrayList<>();
        for (Image image : images) {
            if (kept.size() == Limits.MAX_IMAGES) {
                break;
            }
            if (url(image.url()) != null) {
                kept.add(new Image(image.url(), image.caption() == null ? null : TextCut.toUtf8Bytes(image.caption(), CAPTION_BYTES)));
            }
        }
        return kept;
    }

    /** At most {@link Limits#MAX_STOCKS} mentions, one per symbol (the first wins). */
    private static List<StockMention> stocks(List<StockMention> stocks) {
        Map<String, StockMention> bySymbol = new LinkedHashMap<>();
        for (StockMention m : stocks) {
            if (bySymbol.size() == Limits.MAX_STOCKS) {
                break;
            }
            bySymbol.putIfAbsent(TextCut.toUtf8Bytes(m.symbol(), WORD_BYTES), new StockMention(
                    TextCut.toUtf8Bytes(m.symbol(), WORD_BYTES), TextCut.toUtf8Bytes(m.code(), WORD_BYTES), m.market(),
                    m.name() == null ? null : TextCut.toUtf8Bytes(m.name(), WORD_BYTES), m.evidence()));
        }
        return List.copyOf(bySymbol.values());
    }

    private static List<String> words(List<String> words, int max) {
        return words.stream().filter(Objects::nonNull).limit(max).map(w -> TextCut.toUtf8Bytes(w, WORD_BYTES)).toList();
    }
}
