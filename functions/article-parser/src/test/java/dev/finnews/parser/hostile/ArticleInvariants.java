package dev.finnews.parser.hostile;

import dev.finnews.article.Article;
import dev.finnews.article.ArticleId;
import dev.finnews.article.Image;
import dev.finnews.article.Limits;
import dev.finnews.article.StockMention;
import dev.finnews.article.StockSymbol;
import dev.finnews.article.Warning;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every article the parser returns must satisfy, whatever the input: the caps of {@link Limits},
 * non-null fields, consistent dates and warnings, normative symbols, and strings that any UTF-8
 * writer can encode (no control characters but the text's line feeds, no half surrogate pairs).
 */
public final class ArticleInvariants {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** A summary is a short lead: at most the cut window plus the overrun of one long sentence. */
    private static final int MAX_SUMMARY_CHARS = 300;
    private static final Set<String> WARNINGS = Arrays.stream(Warning.values()).map(Warning::name).collect(Collectors.toSet());

    private ArticleInvariants() {
    }

    /** Every broken rule, empty when the article is sound. */
    public static List<String> violations(Article a, String bucket, String key) {
        List<String> v = new ArrayList<>();
        check(v, a.id().equals(ArticleId.of(bucket, key)), "id is not the id of the bucket and key");
        check(v, a.title() != null && a.titleRaw() != null && a.text() != null && a.summary() != null, "a required string is null");
        if (!v.isEmpty()) {
            return v;
        }
        check(v, a.titleRaw().length() <= Limits.MAX_FIELD_CHARS && a.title().length() <= Limits.MAX_FIELD_CHARS,
                "title longer than the field cap");
        check(v, a.categories().size() <= Limits.MAX_CATEGORIES, "more categories than the cap");
        check(v, a.stocks().size() <= Limits.MAX_STOCKS, "more stocks than the cap");
        check(v, a.images().size() <= Limits.MAX_IMAGES, "more images than the cap");
        check(v, a.keywords().size() <= Limits.MAX_KEYWORDS, "more keywords than the cap");
        for (String c : a.categories()) {
            check(v, !c.isBlank() && c.length() <= Limits.MAX_FIELD_CHARS && c.equals(c.strip()), "blank, long or unstripped category");
        }

        check(v, (a.publishedAt() == null) == (a.publishDate() == null), "publishedAt and publishDate disagree on presence");
        if (a.publishedAt() != null) {
            LocalDate date = LocalDate.ofInstant(a.publishedAt(), BEIJING);
            check(v, date.equals(a.publishDate()), "publishDate is not the Beijing date of publishedAt");
            check(v, date.getYear() >= 1990 && date.getYear() <= 2099, "publish year outside 1990-2099");
        }
        check(v, a.warnings().contains(Warning.INVALID_DATE.name()) == (a.publishedAt() == null), "INVALID_DATE without a missing date, or the reverse");
        check(v, a.warnings().contains(Warning.EMPTY_BODY.name()) == a.text().isEmpty(), "EMPTY_BODY disagrees with the text");
        check(v, new HashSet<>(a.warnings()).size() == a.warnings().size() && WARNINGS.containsAll(a.warnings()), "unknown or repeated warning");
        check(v, !a.warnings().contains(Warning.STOCKS_CAPPED.name()) || a.stocks().size() == Limits.MAX_STOCKS, "STOCKS_CAPPED below the cap");
        check(v, !a.warnings().contains(Warning.IMAGES_CAPPED.name()) || a.images().size() == Limits.MAX_IMAGES, "IMAGES_CAPPED below the cap");

        check(v, a.leadImage() == null ? a.images().isEmpty() : !a.images().isEmpty() && a.leadImage().equals(a.images().get(0).url()),
                "leadImage is not the first image");
        for (Image i : a.images()) {
            check(v, i.url().startsWith("https://") || i.url().startsWith("http://"), "image URL not absolute http(s)");
            check(v, i.caption() == null || !i.caption().isBlank(), "blank caption instead of null");
        }
        Set<String> symbols = new HashSet<>();
        for (StockMention s : a.stocks()) {
            check(v, symbols.add(s.symbol()), "symbol listed twice: " + s.symbol());
            check(v, StockSymbol.parseNormative(s.symbol()).filter(n -> n.market() == s.market()).isPresent(),
                    "symbol not normative or market wrong: " + s.symbol());
            check(v, !s.evidence().isEmpty(), "stock without evidence: " + s.symbol());
        }
        check(v, a.summary().length() <= MAX_SUMMARY_CHARS, "summary longer than " + MAX_SUMMARY_CHARS);
        check(v, a.text().isEmpty() || !a.summary().isEmpty(), "text without a summary");
        for (String line : a.text().split("\n", -1)) {
            check(v, a.text().isEmpty() || (!line.isBlank() && line.equals(line.strip())), "blank or unstripped paragraph");
        }

        for (String s : strings(a)) {
            check(v, encodable(s), "control character or half surrogate pair in " + abbreviate(s));
        }
        return v;
    }

    private static List<String> strings(Article a) {
        List<String> all = new ArrayList<>(List.of(a.title(), a.titleRaw(), a.summary()));
        all.addAll(List.of(a.text().split("\n", -1)));
        all.addAll(a.categories());
        all.addAll(a.keywords());
        for (String s : new String[]{a.author(), a.origin(), a.editor(), a.leadImage()}) {
            if (s != null) {
                all.add(s);
            }
        }
        for (Image i : a.images()) {
            all.add(i.url());
            if (i.caption() != null) {
                all.add(i.caption());
            }
        }
        for (StockMention s : a.stocks()) {
            if (s.name() != null) {
                all.add(s.name());
            }
        }
        return all;
    }

    /** No control character (the text is checked line by line), no half surrogate pair. */
    static boolean encodable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private static void check(List<String> violations, boolean holds, String rule) {
        if (!holds) {
            violations.add(rule);
        }
    }
}
