package dev.finnews.parser;

import dev.finnews.article.Article;
import dev.finnews.article.ArticleId;
import dev.finnews.article.Evidence;
import dev.finnews.article.Image;
import dev.finnews.article.Limits;
import dev.finnews.article.Market;
import dev.finnews.article.StockMention;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static dev.finnews.article.Evidence.CODE_PATTERN;
import static dev.finnews.article.Evidence.COMMENT;
import static dev.finnews.article.Evidence.HOT_WORD;
import static dev.finnews.article.Evidence.LINK;
import static dev.finnews.article.Evidence.SPAN;
import static org.assertj.core.api.Assertions.assertThat;

/** Each fixture (invented text in the real format) parses to exactly the expected article. */
class ArticleParserFixturesTest {
    private final ArticleParser parser = new ArticleParser(Limits.DEFAULT_MAX_BYTES);

    @Test
    void sinaArticleWithEveryKindOfMarkup() throws ParseException {
        Article expected = new Article(
                ArticleId.of("articles", "金融/sina-article.md"),
                "远航电池引“双碳”新机遇，青松银行跟进",
                "远航电池引_双碳_新机遇，青松银行跟进",
                List.of("金融", "新浪财经", "新浪财经－国內"),
                "新浪财经",
                "海风晨报",
                "周小舟",
                Instant.parse("2022-07-09T23:54:27Z"),
                LocalDate.parse("2022-07-10"),
                "在“双碳”目标下，远航电池宣布新建产线。公司表示，价格区间为 a < b 的产品{试产}已完成。\n"
                        + "青松银行同日跟进授信。指数方面，沪深300指数小幅上涨。\n"
                        + "海港控股与浪潮科技同步布局",
                "在“双碳”目标下，远航电池宣布新建产线。公司表示，价格区间为 a < b 的产品{试产}已完成。"
                        + "青松银行同日跟进授信。指数方面，沪深300指数小幅上涨。海港控股与浪潮科技同步布局",
                List.of(new Image("https://n.sinaimg.cn/finance/fixture/w600/a1.jpg", "远航电池新产线")),
                "https://n.sinaimg.cn/finance/fixture/w600/a1.jpg",
                List.of(stock("sz300999", "300999", Market.SZ, "远航电池", SPAN, LINK, COMMENT),
                        stock("sh600999", "600999", Market.SH, "青松", SPAN, LINK, COMMENT),
                        stock("sh000300", "000300", Market.SH, null, SPAN, LINK, COMMENT),
                        stock("sz399300", "399300", Market.SZ, "沪深300指数", SPAN, LINK, COMMENT),
                        stock("hk09999", "09999", Market.HK, "海港控股", SPAN, LINK),
                        stock("uswave", "WAVE", Market.US, "浪潮科技", SPAN, LINK)),
                List.of("远航电池", "青松", "沪深300指数", "海港控股", "浪潮科技"),
                List.of("TITLE_RESTORED"));

        Article actual = parser.parse(ArticleFiles.fixture("sina-article.md"), "articles", "金融/sina-article.md");

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void securitiesTimesHotWordsAndCodesInTitleAndText() throws ParseException {
        Article expected = new Article(
                ArticleId.of("articles", "hot-words.md"),
                "宏远酒业（000999.SZ）一季度净利增长",
                "宏远酒业（000999.SZ）一季度净利增长",
                List.of("金融", "证券时报网", "快讯"),
                "证券时报网",
                null,
                null,
                Instant.parse("2022-03-01T00:30:00Z"),
                LocalDate.parse("2022-03-01"),
                "证券时报e公司讯，宏远酒业公告称，一季度净利增长三成。同行北辰酒业亦有增长，港股伙伴星河饮品(02888.HK)同日公布业绩。",
                "证券时报e公司讯，宏远酒业公告称，一季度净利增长三成。同行北辰酒业亦有增长，港股伙伴星河饮品(02888.HK)同日公布业绩。",
                List.of(),
                null,
                List.of(stock("sz000999", "000999", Market.SZ, "宏远酒业", HOT_WORD, CODE_PATTERN),
                        stock("sh600888", "600888", Market.SH, "北辰酒业", HOT_WORD),
                        stock("hk02888", "02888", Market.HK, null, CODE_PATTERN)),
                List.of("宏远酒业", "北辰酒业"),
                List.of("DATE_WITHOUT_ZONE"));

        assertThat(parser.parse(ArticleFiles.fixture("hot-words.md"), "articles", "hot-words.md")).isEqualTo(expected);
    }

    @Test
    void plainTextFeedKeepsItsLines() throws ParseException {
        Article expected = new Article(
                ArticleId.of("feeds", "plain-text.md"),
                "春风音乐会 2日目",
                "春风音乐会 2日目",
                List.of("二次元", "Eventernote", "声优活动及演唱会"),
                "Eventernote",
                null,
                null,
                null,
                null,
                "イベント 春风音乐会 2日目\n開催場所 みなと市民ホール\n開場 2022-05-01 15:00",
                "イベント 春风音乐会 2日目 開催場所 みなと市民ホール 開場 2022-05-01 15:00",
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of("INVALID_DATE"));

        assertThat(parser.parse(ArticleFiles.fixture("plain-text.md"), "feeds", "plain-text.md")).isEqualTo(expected);
    }

    @Test
    void preformattedBlocksKeepTheirLinesAndEscapedBrackets() throws ParseException {
        Article expected = new Article(
                ArticleId.of("articles", "pre-blocks.md"),
                "教你用命令行清理 Win11 的 'Temp' 目录",
                "教你用命令行清理 Win11 的 'Temp' 目录",
                List.of("新媒体", "IT 之家", "热榜"),
                "IT 之家",
                null,
                null,
                Instant.parse("2022-07-17T07:29:50Z"),
                LocalDate.parse("2022-07-17"),
                "IT之家 7 月 17 日消息，清理临时目录可以释放空间。\n输入以下命令：\ndel /q %TEMP%\\*\necho done <ok>\n"
                        + "1 - 关闭所有程序；\n2 - 重启电脑。",
                "IT之家 7 月 17 日消息，清理临时目录可以释放空间。输入以下命令：del /q %TEMP%\\* echo done <ok> "
                        + "1 - 关闭所有程序；2 - 重启电脑。",
                List.of(new Image("https://img.example.com/fixture/temp.png", "清理前后的磁盘占用对比。")),
                "https://img.example.com/fixture/temp.png",
                List.of(),
                List.of(),
                List.of());

        assertThat(parser.parse(ArticleFiles.fixture("pre-blocks.md"), "articles", "pre-blocks.md")).isEqualTo(expected);
    }

    private static StockMention stock(String symbol, String code, Market market, String name, Evidence... evidence) {
        return new StockMention(symbol, code, market, name, List.of(evidence));
    }
}
