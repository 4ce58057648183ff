package dev.finnews.parser;

import dev.finnews.article.Article;
import dev.finnews.article.Image;
import dev.finnews.article.Limits;
import dev.finnews.article.StockMention;
import dev.finnews.testing.Corpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real file of {@code ../shared/corpus/dev} parses into clean, complete metadata. The expected
 * stocks and dates are computed here from the raw file with deliberately simple patterns, independently
 * of the parser.
 */
class CorpusTest {
    private static final List<String> BOILERPLATE_MARKERS =
            List.of("海量资讯", "责任编辑", "appendQr", "news_keyword_pub", "&#123;", "&#125;", "article_adlist", "\u3000");
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z/!]");
    private static final String SINA_QR = "/finance/cece9e13/20200514/343233024.png";

    private static final Pattern SPAN_ID = Pattern.compile("id=\"(stock|hkstock|usstock)_([A-Za-z0-9.]+)\"");
    private static final Pattern A_SHARE_LINK = Pattern.compile("/realstock/company/([a-z]{2}\\d{6})/");
    private static final Pattern HK_LINK = Pattern.compile("/hkstock/quotes/(\\d{5})\\.html");
    private static final Pattern US_LINK = Pattern.compile("/usstock/quotes/([A-Za-z.]+)\\.html");
    private static final Pattern KEYWORD_COMMENT = Pattern.compile("news_keyword_pub,(stock|hkstock|usstock),([^ ]*) -->");
    private static final Pattern HOT_WORD = Pattern.compile("stockcode=([A-Za-z]{2}\\d{6})");
    private static final Pattern A_SHARE_CODE = Pattern.compile("(\\d{6})\\.(SH|SZ|SS|BJ)");
    private static final Pattern HK_CODE = Pattern.compile("(\\d{5})\\.HK");
    private static final Pattern DATE_LINE = Pattern.compile("(?m)^date: (.*)$");

    private final ArticleParser parser = new ArticleParser(Limits.DEFAULT_MAX_BYTES);

    static List<Path> corpus() {
        return Corpus.devFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void parsesIntoCleanCompleteMetadata(Path file) throws IOException, ParseException {
        byte[] bytes = Files.readAllBytes(file);
        String raw = new String(bytes, StandardCharsets.UTF_8);

        Article a = parser.parse(bytes, "articles", file.getFileName().toString());

        assertThat(a.categories()).hasSize(3);
        assertThat(a.author()).isNotBlank();
        for (String marker : BOILERPLATE_MARKERS) {
            assertThat(a.text()).as("text holds no %s", marker).doesNotContain(marker);
        }
        assertThat(TAG.matcher(a.text()).find()).as("text holds no tags").isFalse();
        assertThat(a.summary().length()).isLessThanOrEqualTo(Summary.MAX_CHARS + 60);
        assertThat(a.images()).extracting(Image::url).noneMatch(url -> url.contains(SINA_QR) || url.startsWith("data:"));
        assertThat(a.leadImage()).isEqualTo(a.images().isEmpty() ? null : a.images().get(0).url());
        Set<String> found = a.stocks().stream().map(StockMention::symbol).collect(Collectors.toCollection(TreeSet::new));
        assertThat(found).isEqualTo(symbolsInMarkup(raw));
        assertThat(a.publishDate()).isEqualTo(beijingDate(raw));
        assertThat(a.text().isEmpty()).isEqualTo(a.warnings().contains("EMPTY_BODY"));
    }

    /** Every symbol the raw file names, by the simplest reading of each markup kind. */
    private static Set<String> symbolsInMarkup(String raw) {
        Set<String> out = new TreeSet<>();
        Matcher span = SPAN_ID.matcher(raw);
        while (span.find()) {
            out.add(normative(span.group(1), span.group(2)));
        }
        Matcher a = A_SHARE_LINK.matcher(raw);
        while (a.find()) {
            out.add(a.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher hk = HK_LINK.matcher(raw);
        while (hk.find()) {
            out.add("hk" + hk.group(1));
        }
        Matcher us = US_LINK.matcher(raw);
        while (us.find()) {
            out.add("us" + us.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher comment = KEYWORD_COMMENT.matcher(raw);
        while (comment.find()) {
            for (String code : comment.group(2).split("&")) {
                if (!code.isBlank()) {
                    out.add(normative(comment.group(1), code.strip()));
                }
            }
        }
        Matcher hot = HOT_WORD.matcher(raw);
        while (hot.find()) {
            out.add(hot.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher code = A_SHARE_CODE.matcher(raw);
        while (code.find()) {
            String exchange = code.group(2).toLowerCase(Locale.ROOT);
            out.add((exchange.equals("ss") ? "sh" : exchange) + code.group(1));
        }
        Matcher hkCode = HK_CODE.matcher(raw);
        while (hkCode.find()) {
            out.add("hk" + hkCode.group(1));
        }
        return out;
    }

    private static String normative(String kind, String code) {
        String c = code.toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "hkstock" -> c.startsWith("hk") ? c : "hk" + c;
            case "usstock" -> "us" + c;
            default -> c;
        };
    }

    /** The Beijing calendar day of the front matter date, or null when it is not a date. */
    private static LocalDate beijingDate(String raw) {
        Matcher m = DATE_LINE.matcher(raw);
        if (!m.find()) {
            return null;
        }
        String date = m.group(1).strip();
        if (date.endsWith("GMT")) {
            return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .withZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
        }
        if (date.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
            return LocalDate.parse(date.substring(0, 10)); // zone-less dates are Beijing time already
        }
        return null;
    }
}
