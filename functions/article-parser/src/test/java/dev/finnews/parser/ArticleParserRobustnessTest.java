package dev.finnews.parser;

import dev.finnews.article.Article;
import dev.finnews.article.Evidence;
import dev.finnews.article.Limits;
import dev.finnews.article.StockMention;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static dev.finnews.parser.ArticleFiles.article;
import static dev.finnews.parser.ArticleFiles.layout;
import static dev.finnews.parser.ArticleFiles.utf8;
import static dev.finnews.parser.ArticleFiles.withBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One named case per robustness rule of the parser issue. */
class ArticleParserRobustnessTest {
    private static final String SINA_BODY = "<p>　　示例公司发布“新品”，市场反应积极。</p>";
    private final ArticleParser parser = new ArticleParser(Limits.DEFAULT_MAX_BYTES);

    private Article parse(String file) throws ParseException {
        return parser.parse(utf8(file), "articles", "a.md");
    }

    private Article parse(byte[] file) throws ParseException {
        return parser.parse(file, "articles", "a.md");
    }

    @Test
    void leadingBlankLineBeforeTheFrontMatterIsAllowed() throws ParseException {
        assertThat(parse(withBody(SINA_BODY)).title()).isEqualTo("示例标题");
        assertThat(parse("\n\n  \n" + withBody(SINA_BODY).substring(1)).title()).isEqualTo("示例标题");
        assertThat(parse(withBody(SINA_BODY).substring(1)).title()).isEqualTo("示例标题");
    }

    @Test
    void singleQuotedTitle() throws ParseException {
        Article a = parse(article("title: '他说\"好\"'", "date: Mon, 02 May 2022 01:00:00 GMT", SINA_BODY));
        assertThat(a.titleRaw()).isEqualTo("他说\"好\"");
        assertThat(a.warnings()).doesNotContain("LENIENT_FRONT_MATTER");
    }

    @Test
    void doubleQuotedTitleHoldingASingleQuote() throws ParseException {
        Article a = parse(article("title: \"It's 示例\"", "date: Mon, 02 May 2022 01:00:00 GMT", SINA_BODY));
        assertThat(a.titleRaw()).isEqualTo("It's 示例");
        assertThat(a.warnings()).doesNotContain("LENIENT_FRONT_MATTER");
    }

    @Test
    void titleHoldingBothQuoteKindsIsReadLeniently() throws ParseException {
        Article a = parse(article("title: \"It's \"示例\" 时间\"", "date: Mon, 02 May 2022 01:00:00 GMT", SINA_BODY));
        assertThat(a.titleRaw()).isEqualTo("It's \"示例\" 时间");
        assertThat(a.categories()).containsExactly("金融", "示例站", "示例频道");
        assertThat(a.author()).isEqualTo("示例站");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2022-05-02T01:00:00Z"));
        assertThat(a.warnings()).contains("LENIENT_FRONT_MATTER");
    }

    @Test
    void curlyBraceEntitiesAreDecodedEverywhere() throws ParseException {
        String file = layout("title: '公式&#123;a&#125;'\ncategories: \n - 金融&#123;1&#125;\nauthor: 站&#123;&#125;\n"
                + "date: Mon, 02 May 2022 01:00:00 GMT\n", "<p>正文&#123;内容&#125;。</p><style>.x&#123;color:red&#125;</style>");
        Article a = parse(file);
        assertThat(a.title()).isEqualTo("公式{a}");
        assertThat(a.titleRaw()).isEqualTo("公式{a}");
        assertThat(a.categories()).containsExactly("金融{1}");
        assertThat(a.author()).isEqualTo("站{}");
        assertThat(a.text()).isEqualTo("正文{内容}。");
    }

    @Test
    void invalidDateGivesNoTimeAndAWarning() throws ParseException {
        Article a = parse(article("title: '示例'", "date: Invalid Date", SINA_BODY));
        assertThat(a.publishedAt()).isNull();
        assertThat(a.publishDate()).isNull();
        assertThat(a.warnings()).containsExactly("INVALID_DATE");
    }

    @Test
    void unreadableOrMissingDateGivesAWarning() throws ParseException {
        assertThat(parse(article("title: '示例'", "date: next Tuesday", SINA_BODY)).warnings()).containsExactly("INVALID_DATE");
        assertThat(parse(article("title: '示例'", "date: 2021-02-30 10:00:00", SINA_BODY)).warnings()).containsExactly("INVALID_DATE");
        assertThat(parse(layout("title: '示例'\n", SINA_BODY)).warnings()).containsExactly("INVALID_DATE");
    }

    @Test
    void zonelessDateIsBeijingTime() throws ParseException {
        Article a = parse(article("title: '示例'", "date: 2021-12-27 06:12:23", SINA_BODY));
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2021-12-26T22:12:23Z"));
        assertThat(a.publishDate()).isEqualTo(LocalDate.parse("2021-12-27"));
        assertThat(a.warnings()).containsExactly("DATE_WITHOUT_ZONE");
    }

    @Test
    void gmtDateLateInTheEveningBelongsToTheNextBeijingDay() throws ParseException {
        Article a = parse(article("title: '示例'", "date: Sat, 09 Jul 2022 23:54:27 GMT", SINA_BODY));
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2022-07-09T23:54:27Z"));
        assertThat(a.publishDate()).isEqualTo(LocalDate.parse("2022-07-10"));
    }

    @Test
    void emptyBodyGivesAWarning() throws ParseException {
        Article a = parse(withBody("   \n<!-- news_keyword_pub,stock, -->\n<p class=\"article-editor\">责任编辑：王五 </p>"));
        assertThat(a.text()).isEmpty();
        assertThat(a.summary()).isEmpty();
        assertThat(a.editor()).isEqualTo("王五");
        assertThat(a.warnings()).contains("EMPTY_BODY");
    }

    @Test
    void blankTitleIsKeptAsWritten() throws ParseException {
        Article a = parse(article("title: ' '", "date: Invalid Date", "   "));
        assertThat(a.titleRaw()).isEqualTo(" ");
        assertThat(a.title()).isEmpty();
    }

    @Test
    void nestedStockSpansEachKeepTheirOwnName() throws ParseException {
        Article a = parse(withBody("<p>高于<span id=\"stock_sh000300\"><a href=\"https://finance.sina.com.cn/realstock/company/sh000300/nc.shtml\" "
                + "class=\"keyword\"><span id=\"stock_sz399300\"></span></a><a href=\"https://finance.sina.com.cn/realstock/company/sz399300/nc.shtml\" "
                + "class=\"keyword\">沪深300指数</a></span><span id=\"quote_sz399300\"></span><span id=\"quote_sh000300\"></span>。</p>"));
        assertThat(a.stocks()).extracting(StockMention::symbol, StockMention::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sh000300", null),
                        org.assertj.core.groups.Tuple.tuple("sz399300", "沪深300指数"));
        assertThat(a.text()).isEqualTo("高于沪深300指数。");
    }

    @Test
    void inWordStockSpanKeepsTheWordWhole() throws ParseException {
        Article a = parse(withBody("<p>　　<span id=\"stock_sh601099\"><a href=\"https://finance.sina.com.cn/realstock/company/sh601099/nc.shtml\" "
                + "class=\"keyword\">太平洋</a></span><span id=\"quote_sh601099\"></span>证券表示亏损。</p>"));
        assertThat(a.text()).isEqualTo("太平洋证券表示亏损。");
        assertThat(a.stocks()).singleElement().satisfies(s -> {
            assertThat(s.symbol()).isEqualTo("sh601099");
            assertThat(s.name()).isEqualTo("太平洋");
            assertThat(s.evidence()).containsExactly(Evidence.SPAN, Evidence.LINK);
        });
    }

    @Test
    void stockSpanInsideAHeadingIsFound() throws ParseException {
        Article a = parse(withBody("<h2><span id=\"stock_sz000001\"><a href=\"https://finance.sina.com.cn/realstock/company/sz000001/nc.shtml\">平安银行</a></span>的新动作</h2>"));
        assertThat(a.stocks()).extracting(StockMention::symbol).containsExactly("sz000001");
        assertThat(a.text()).isEqualTo("平安银行的新动作");
    }

    @Test
    void emptyKeywordCommentNamesNoStock() throws ParseException {
        Article a = parse(withBody(SINA_BODY + "<!-- news_keyword_pub,stock, -->"));
        assertThat(a.stocks()).isEmpty();
        assertThat(a.keywords()).isEmpty();
    }

    @Test
    void keywordCommentOfEveryStockKind() throws ParseException {
        Article a = parse(withBody(SINA_BODY + "<!-- news_keyword_pub,stock,sh601398&sz000001 -->"
                + "<!-- news_keyword_pub,hkstock,00700&hk09988 --><!-- news_keyword_pub,usstock,MSFT&GOOG -->"));
        assertThat(a.stocks()).extracting(StockMention::symbol)
                .containsExactly("sh601398", "sz000001", "hk00700", "hk09988", "usmsft", "usgoog");
        assertThat(a.stocks()).allSatisfy(s -> assertThat(s.evidence()).containsExactly(Evidence.COMMENT));
    }

    @Test
    void utf8WithBomIsRead() throws ParseException {
        byte[] body = utf8(withBody(SINA_BODY));
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Article a = parse(withBom);
        assertThat(a.title()).isEqualTo("示例标题");
        assertThat(a.warnings()).doesNotContain("TRANSCODED");
    }

    @Test
    void crlfLineEndsAreRead() throws ParseException {
        Article a = parse(withBody("<p>第一段。</p>\n<p>第二段。</p>").replace("\n", "\r\n"));
        assertThat(a.title()).isEqualTo("示例标题");
        assertThat(a.categories()).containsExactly("金融", "示例站", "示例频道");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2022-05-02T01:00:00Z"));
        assertThat(a.text()).isEqualTo("第一段。\n第二段。");
    }

    @Test
    void gb18030FileIsDetectedAndTranscoded() throws ParseException {
        Article a = parse(withBody(SINA_BODY).getBytes(Charset.forName("GB18030")));
        assertThat(a.title()).isEqualTo("示例标题");
        assertThat(a.text()).isEqualTo("示例公司发布“新品”，市场反应积极。");
        assertThat(a.warnings()).contains("TRANSCODED");
    }

    @Test
    void gbkFileIsDetectedAndTranscoded() throws ParseException {
        Article a = parse(withBody(SINA_BODY).getBytes(Charset.forName("GBK")));
        assertThat(a.categories()).containsExactly("金融", "示例站", "示例频道");
        assertThat(a.warnings()).contains("TRANSCODED");
    }

    @Test
    void utf8IsNotMistakenForGbk() throws ParseException {
        assertThat(parse(withBody(SINA_BODY)).warnings()).doesNotContain("TRANSCODED");
    }

    @Test
    void utf16WithBomIsRead() throws ParseException {
        Article a = parse(("\uFEFF" + withBody(SINA_BODY)).getBytes(StandardCharsets.UTF_16LE));
        assertThat(a.title()).isEqualTo("示例标题");
        assertThat(a.warnings()).contains("TRANSCODED");
        assertThat(parse(("\uFEFF" + withBody(SINA_BODY)).getBytes(StandardCharsets.UTF_16BE)).title()).isEqualTo("示例标题");
    }

    @Test
    void fileWithoutFrontMatterIsAClearError() {
        assertThatThrownBy(() -> parse("# 只是一篇笔记\n\n没有前言。"))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_FRONT_MATTER));
    }

    @Test
    void frontMatterNeverClosedIsBad() {
        assertThatThrownBy(() -> parse("\n---\ntitle: '示例'\n<div>正文</div>"))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_FRONT_MATTER));
    }

    @Test
    void frontMatterWithoutTitleIsBad() {
        assertThatThrownBy(() -> parse(layout("author: 示例站\ndate: Invalid Date\n", SINA_BODY)))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_FRONT_MATTER));
    }

    @Test
    void binaryBytesAreAClearError() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> parse(png))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_TEXT));
    }

    @Test
    void emptyAndWhiteSpaceFilesAreEmpty() {
        assertThatThrownBy(() -> parse(new byte[0]))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EMPTY));
        assertThatThrownBy(() -> parse(" \n\t\r\n  "))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EMPTY));
    }

    @Test
    void fileOverTheSizeLimitIsAClearError() {
        ArticleParser small = new ArticleParser(100);
        assertThatThrownBy(() -> small.parse(utf8(withBody(SINA_BODY)), "articles", "a.md"))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE);
                    assertThat(e.getMessage()).contains("100");
                });
    }

    @Test
    void aliasBombInTheFrontMatterDoesNotExplode() throws ParseException {
        StringBuilder fm = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char prev = (char) (c - 1);
            fm.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev).append(", *")
                    .append(prev).append(", *").append(prev).append(", *").append(prev).append("]\n");
        }
        fm.append("title: '示例'\n");
        Article a = parse(layout(fm.toString(), SINA_BODY));
        assertThat(a.titleRaw()).isEqualTo("示例");
        assertThat(a.warnings()).contains("LENIENT_FRONT_MATTER");
    }

    @Test
    void deeplyNestedMarkupDoesNotOverflow() throws ParseException {
        String body = "<div>".repeat(20_000) + "深处的文字。" + "</div>".repeat(20_000);
        assertThat(parse(withBody(body)).text()).isEqualTo("深处的文字。");
    }

    @Test
    void deeplyNestedYamlIsReadLinewiseInsteadOfOverflowing() throws ParseException {
        Article a = parse(layout("title: " + "[".repeat(50_000) + "\n", SINA_BODY));
        assertThat(a.titleRaw()).hasSize(Limits.MAX_FIELD_CHARS);
        assertThat(a.warnings()).contains("LENIENT_FRONT_MATTER");
    }

    @Test
    void tooManyStocksAreCappedWithAWarning() throws ParseException {
        StringBuilder body = new StringBuilder("<p>");
        for (int i = 0; i < Limits.MAX_STOCKS + 10; i++) {
            String symbol = "sh6000" + String.format("%02d", i);
            body.append("<span id=\"stock_").append(symbol).append("\"><a href=\"https://finance.sina.com.cn/realstock/company/")
                    .append(symbol).append("/nc.shtml\" class=\"keyword\">公司").append(i).append("</a></span>");
        }
        Article a = parse(withBody(body.append("</p>").toString()));
        assertThat(a.stocks()).hasSize(Limits.MAX_STOCKS);
        assertThat(a.stocks().get(0).symbol()).isEqualTo("sh600000");
        assertThat(a.warnings()).contains("STOCKS_CAPPED");
    }

    @Test
    void tooManyImagesAreCappedWithAWarning() throws ParseException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < Limits.MAX_IMAGES + 5; i++) {
            body.append("<div class=\"img_wrapper\"><img src=\"https://img.example.com/").append(i)
                    .append(".jpg\"><span class=\"img_descr\"></span></div>");
        }
        Article a = parse(withBody(body.toString()));
        assertThat(a.images()).hasSize(Limits.MAX_IMAGES);
        assertThat(a.leadImage()).isEqualTo("https://img.example.com/0.jpg");
        assertThat(a.warnings()).contains("IMAGES_CAPPED");
    }

    @Test
    void tooManyKeywordsAreCappedWithAWarning() throws ParseException {
        StringBuilder body = new StringBuilder("<p>");
        for (int i = 0; i < Limits.MAX_KEYWORDS + 5; i++) {
            body.append("<a class=\"keyword\" href=\"https://example.com/\">词").append(i).append("</a>");
        }
        Article a = parse(withBody(body.append("</p>").toString()));
        assertThat(a.keywords()).hasSize(Limits.MAX_KEYWORDS);
        assertThat(a.warnings()).contains("KEYWORDS_CAPPED");
    }

    @Test
    void tooManyCategoriesAreCappedWithAWarning() throws ParseException {
        Article a = parse(layout("title: '示例'\ncategories: \n - 一\n - 二\n - 三\n - 四\n - 五\ndate: Invalid Date\n", SINA_BODY));
        assertThat(a.categories()).containsExactly("一", "二", "三");
        assertThat(a.warnings()).contains("CATEGORIES_CAPPED");
    }

    @Test
    void boilerplateImagesAreNeverArticleImages() throws ParseException {
        Article a = parse(withBody("<p>正文。</p><img src=\"data:image/png;base64,AAAA\"><img src=\"https://picsum.photos/400/300?random=2\">"
                + "<img src=\"//n.sinaimg.cn/finance/cece9e13/20200514/343233024.png\"><img src=\"/relative/path.png\">"
                + "<img src=\"//n.sinaimg.cn/real/photo.jpg\" alt=\"image\">"));
        assertThat(a.images()).extracting(i -> i.url()).containsExactly("https://n.sinaimg.cn/real/photo.jpg");
        assertThat(a.images().get(0).caption()).isNull();
    }

    @Test
    void creditLinesAreLeftOutOfTheTextButKeptAsFields() throws ParseException {
        Article a = parse(withBody("<p>　　原标题：别的标题</p><p><strong>来源：示例周刊</strong></p><p>　　示例日报记者 张三 李四 北京报道</p>"
                + "<p>　　每经编辑 王五</p><p>　　正文第一句。</p><p>　　图表：赵六</p><p>　　（作者：见习记者 钱七）</p>"
                + "<p class=\"article-editor\">责任编辑：孙八 SF001</p>"));
        assertThat(a.text()).isEqualTo("正文第一句。");
        assertThat(a.origin()).isEqualTo("示例周刊");
        assertThat(a.editor()).isEqualTo("孙八");
    }

    @Test
    void cloudflareObfuscatedEmailIsDecoded() throws ParseException {
        // key 0x42, then "a@b.c" XOR 0x42
        Article a = parse(withBody("<p>联系 <span class=\"__cf_email__\" data-cfemail=\"422302206c21\">[email protected]</span> 获取。</p>"));
        assertThat(a.text()).isEqualTo("联系 a@b.c 获取。");
    }

    @Test
    void hostileRepetitionsFinishQuickly() throws ParseException {
        String digits = "1".repeat(200_000) + ".SH " + "(" .repeat(50_000) + "A".repeat(50_000);
        Article a = parse(article("title: '" + "_".repeat(400) + "'", "date: Invalid Date", "<p>" + digits + "</p>"));
        assertThat(a.stocks()).isEmpty();
        assertThat(a.summary()).hasSizeLessThanOrEqualTo(Summary.MAX_CHARS + 1);
    }

    @Test
    void nullArgumentsAreCallerBugs() {
        assertThatThrownBy(() -> parser.parse(null, "b", "k")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> parser.parse(new byte[1], null, "k")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void parsedArticleListsNeverHoldNulls() throws ParseException {
        Article a = parse(ArticleFiles.fixture("sina-article.md"));
        assertThat(List.of(a.categories(), a.keywords(), a.warnings())).allSatisfy(l -> assertThat(l).doesNotContainNull());
    }
}
