package dev.finnews.parser;

import dev.finnews.article.Article;
import dev.finnews.article.Limits;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import static dev.finnews.parser.ArticleFiles.article;
import static dev.finnews.parser.ArticleFiles.layout;
import static dev.finnews.parser.ArticleFiles.utf8;
import static dev.finnews.parser.ArticleFiles.withBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parser bugs the hostile-file catalogue and the fuzzer found, each pinned by a small case. */
class CatalogueFindingsTest {
    private static final String BODY = "<p>　　示例公司发布新品。</p>";
    private final ArticleParser parser = new ArticleParser(Limits.DEFAULT_MAX_BYTES);

    private Article parse(byte[] file) throws ParseException {
        return parser.parse(file, "articles", "a.md");
    }

    private Article parse(String file) throws ParseException {
        return parse(utf8(file));
    }

    @Test
    void utf16WithoutBomIsAnUnsupportedEncodingNotBinary() {
        for (Charset utf16 : new Charset[]{StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            assertThatThrownBy(() -> parse(withBody(BODY).getBytes(utf16)))
                    .isInstanceOfSatisfying(ParseException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_ENCODING);
                        assertThat(e.getMessage()).contains(utf16.name(), "byte order mark");
                    });
        }
    }

    @Test
    void binaryWithManyZeroBytesIsStillBinary() {
        byte[] counters = new byte[4096];
        for (int i = 0; i < counters.length; i += 2) {
            counters[i] = (byte) (i / 2 % 32); // little-endian 16-bit numbers below 32: control characters as UTF-16
        }
        assertThatThrownBy(() -> parse(counters))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_TEXT));
    }

    @Test
    void aUtf8BomDoesNotHideGbkBytes() throws ParseException {
        byte[] gbk = withBody(BODY).getBytes(Charset.forName("GBK"));
        byte[] file = new byte[gbk.length + 3];
        file[0] = (byte) 0xEF;
        file[1] = (byte) 0xBB;
        file[2] = (byte) 0xBF;
        System.arraycopy(gbk, 0, file, 3, gbk.length);
        Article a = parse(file);
        assertThat(a.title()).isEqualTo("示例标题");
        assertThat(a.text()).isEqualTo("示例公司发布新品。");
        assertThat(a.warnings()).contains("TRANSCODED");
    }

    @Test
    void aTimeWhoseBeijingYearIsOutside1990To2099IsNoDate() throws ParseException {
        // 9999-12-31 23:59:59 GMT is in year 10000 in Beijing: its date would not be YYYY-MM-DD
        for (String date : new String[]{"Fri, 31 Dec 9999 23:59:59 GMT", "+275760-09-13T00:00:00Z",
                "Thu, 01 Jan 1970 00:00:00 GMT", "Sun, 31 Dec 1989 15:59:59 GMT", "2100-01-01 00:00:00"}) {
            Article a = parse(article("title: '示例'", "date: " + date, BODY));
            assertThat(a.publishedAt()).as(date).isNull();
            assertThat(a.publishDate()).as(date).isNull();
            assertThat(a.warnings()).as(date).containsExactly("INVALID_DATE");
        }
    }

    @Test
    void theFirstAndLastBeijingDaysOfTheWindowAreDates() throws ParseException {
        Article first = parse(article("title: '示例'", "date: Sun, 31 Dec 1989 16:00:00 GMT", BODY));
        assertThat(first.publishDate()).isEqualTo(LocalDate.parse("1990-01-01"));
        Article last = parse(article("title: '示例'", "date: 2099-12-31 23:59:59", BODY));
        assertThat(last.publishedAt()).isEqualTo(Instant.parse("2099-12-31T15:59:59Z"));
        assertThat(last.publishDate()).isEqualTo(LocalDate.parse("2099-12-31"));
    }

    @Test
    void anEntityForHalfASurrogatePairBecomesAReplacementCharacter() throws ParseException {
        // jsoup decodes &#xD800; to a lone surrogate, which no UTF-8 writer (JSON, DynamoDB) can encode
        Article a = parse(layout("title: '标题&#xD800;'\ncategories: \n - 金融&#55296;\ndate: Invalid Date\n",
                "<p>正文&#xDFFF;。</p><div class=\"img_wrapper\"><img src=\"https://img.example.com/a&#xD800;.jpg\">"
                        + "<span class=\"img_descr\">图&#xD800;</span></div><img src=\"https://img.example.com/b.jpg\" alt=\"说明&#xDC00;\">"
                        + "<p><a class=\"keyword\" href=\"https://example.com/\">词&#xD800;</a></p>"));
        assertThat(a.title()).isEqualTo("标题\uFFFD");
        assertThat(a.categories()).containsExactly("金融\uFFFD");
        assertThat(a.text()).isEqualTo("正文\uFFFD。\n词\uFFFD");
        assertThat(a.images()).extracting(i -> i.url()).containsExactly("https://img.example.com/b.jpg");
        assertThat(a.images().get(0).caption()).isEqualTo("说明\uFFFD");
        assertThat(a.keywords()).containsExactly("词\uFFFD");
    }

    @Test
    void aSurrogatePairWrittenAsTwoEntitiesStaysOneCharacter() throws ParseException {
        assertThat(parse(withBody("<p>笑&#xD83D;&#xDE00;。</p>")).text()).isEqualTo("笑\uD83D\uDE00。");
    }

    @Test
    void controlCharactersAreNotText() throws ParseException {
        Article a = parse(layout("title: '标\u0007题&#27;[1m'\ncategories: \n - 金\u007F融\n - \u0001\u0002\n - 频道\nauthor: 站\u0085点\ndate: Invalid Date\n",
                "<p>第一\u0008句&#x1B;[0m。</p><p>\u0001</p><p>第二句\u009B。</p>"));
        assertThat(a.title()).isEqualTo("标题[1m");
        assertThat(a.categories()).as("a level of control characters only is no level").containsExactly("金融", "频道");
        assertThat(a.author()).isEqualTo("站点");
        assertThat(a.text()).isEqualTo("第一 句 [0m。\n第二句 。");
    }

    @Test
    void aFrontMatterValueOverSeveralLinesIsOneLine() throws ParseException {
        // YAML keeps a line break for each empty line inside a quoted scalar, and "\t" escapes a tab
        Article a = parse(layout("title: '第一行\n\n  第二行'\nauthor: \"站\\t点\"\ndate: Invalid Date\n", BODY));
        assertThat(a.title()).isEqualTo("第一行 第二行");
        assertThat(a.author()).isEqualTo("站 点");
    }

    @Test
    void aCategoryOfZeroWidthCharactersIsNoCategory() throws ParseException {
        Article a = parse(layout("title: '示例'\ncategories: \n - \u200B\u200D\n - 金融\n - 站\n - 频道\ndate: Invalid Date\n", BODY));
        assertThat(a.categories()).containsExactly("金融", "站", "频道");
        assertThat(a.warnings()).doesNotContain("CATEGORIES_CAPPED");
    }

    @Test
    void formattingTagsReopenedAtJsoupsDepthLimitAreReadAsWritten() throws ParseException {
        // jsoup 1.24.1's HTML tree builder throws IndexOutOfBoundsException on this (found by the fuzzer)
        Article a = parse(withBody("<div>".repeat(506) + "<p><b><div><p><b><div><p><span>深处的文字。"));
        assertThat(a.text()).isEqualTo("深处的文字。");
    }

    @Test
    void deeplyNestedBlockSequencesAreReadLeniently() throws ParseException {
        // 30,000 compact "- " levels overflowed the YAML composer's stack
        Article a = parse(layout("title: '示例'\nkeys:\n" + "- ".repeat(30_000) + "x\ndate: Invalid Date\n", BODY));
        assertThat(a.title()).isEqualTo("示例");
        assertThat(a.warnings()).containsExactlyInAnyOrder("LENIENT_FRONT_MATTER", "INVALID_DATE");
    }
}
