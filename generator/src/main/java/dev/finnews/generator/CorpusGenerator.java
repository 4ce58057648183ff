package dev.finnews.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes synthetic article files in the exact upload format (leading blank line, hand-made front matter,
 * {@code <div>   …</div>} plus 12 spaces, braces as {@code &#123;}), with invented text. The mix follows the
 * real feeds: mostly Sina bodies with stock spans, keyword comment, adlist comments and boilerplate, plus
 * 证券时报 hot-word links, 格隆汇 codes in titles, IT 之家 {@code <pre>} blocks and plain-text feeds. Sizes run
 * from about 1 KB to over 100 KB, 0–30 stock links, dates spread over five years in the three date styles.
 * The same seed always gives the same files.
 */
public final class CorpusGenerator {
    private static final String QR_IMAGE = "https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png";
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ZONELESS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final Instant FIRST = Instant.parse("2020-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = 5L * 365 * 24 * 3600;

    /** Invented words: common characters only, so nothing here is anybody's article text. */
    private static final String[] WORDS = {
        "市场", "投资者", "资金", "指数", "板块", "上涨", "回落", "政策", "经济", "数据", "企业", "银行", "基金",
        "利率", "规模", "增长", "同比", "环比", "季度", "业绩", "预期", "行业", "消费", "出口", "制造", "能源",
        "科技", "平台", "服务", "发展", "稳定", "支持", "改革", "开放", "项目", "城市", "地区", "公司", "产品",
        "价格", "需求", "供给", "信贷", "债券", "汇率", "风险", "监管", "融资", "创新", "绿色", "数字", "结构"};
    private static final String[] PUNCT = {"，", "，", "，", "、", "；"};
    private static final String[][] STOCKS = {
        {"sh600101", "远山电力"}, {"sh601222", "华信银行"}, {"sh603333", "青禾食品"}, {"sh688444", "星海芯片"},
        {"sz000555", "南岭地产"}, {"sz002666", "明川医药"}, {"sz300777", "云帆新能"}, {"sz001888", "东岳化工"},
        {"bj830999", "北辰精工"}, {"sh000001", "上证指数"}, {"sz399001", "深证成指"}, {"hk00123", "港湾置业"},
        {"hk09988", "远航科技"}, {"usabcd", "Abcd Corp"}, {"usxyz", "Xyz Holdings"}, {"sh601616", "长河保险"},
        {"sz002020", "江南纺织"}, {"sh605050", "宏图物流"}, {"sz300303", "金石软件"}, {"sh600808", "钢城集团"},
        {"sz000909", "海风电器"}, {"sh601919", "远洋航运"}, {"sz002525", "白鹭旅游"}, {"sh603636", "紫藤家居"},
        {"sz300121", "银杉生物"}, {"sh688212", "光谷激光"}, {"sz001313", "松江建材"}, {"sh600414", "东湖水务"},
        {"sz002715", "西岭农业"}, {"sh601016", "青山证券"}, {"sz300817", "蓝湾环保"}, {"hk00318", "九龙电讯"}};
    private static final String[] SINA_FEEDS = {"新浪财经－国內", "新浪财经－要闻", "新浪财经－证券", "今日推荐 / 精选"};

    private final long seed;

    public CorpusGenerator(long seed) {
        this.seed = seed;
    }

    /** One generated file: a file name (unique within a run) and its bytes. */
    public record GeneratedFile(String name, byte[] content) {
    }

    /** Writes files {@code 0..count-1} into {@code dir} (created if missing); returns the paths in order. */
    public List<Path> writeTo(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            GeneratedFile f = file(i);
            written.add(Files.write(dir.resolve(f.name()), f.content()));
        }
        return written;
    }

    /** The {@code index}-th file of this seed's corpus; independent of the other indices. */
    public GeneratedFile file(int index) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        int kind = r.nextInt(100);
        Map<String, String> stocks = pickStocks(r, kind < 70 ? r.nextInt(31) : kind < 80 ? r.nextInt(6) : 0);
        String title = title(r, index, kind >= 70 && kind < 80 && !stocks.isEmpty() ? stocks : Map.of());
        String body;
        String[] categories;
        String author;
        if (kind < 70) {
            categories = new String[] {"金融", "新浪财经", SINA_FEEDS[r.nextInt(SINA_FEEDS.length)]};
            author = "新浪财经";
            body = sinaBody(r, stocks, targetChars(r));
        } else if (kind < 80) {
            categories = new String[] {"金融", "证券时报网", "快讯"};
            author = "证券时报网";
            body = hotWordBody(r, stocks, targetChars(r));
        } else if (kind < 90) {
            categories = new String[] {"新媒体", "IT 之家", "热榜"};
            author = "IT 之家";
            body = preBody(r, targetChars(r));
        } else {
            categories = new String[] {"金融", "DT 财经", "数据洞察"};
            author = "DT 财经";
            body = plainBody(r, targetChars(r));
        }
        String image = kind < 70 ? firstImageOr(body, QR_IMAGE) : "https://picsum.photos/400/300?random=" + r.nextInt(10_000);
        String file = "\n---\n"
                + "title: " + quoteTitle(title) + "\n"
                + "categories: \n - " + String.join("\n - ", categories) + "\n"
                + "headimg: '" + image + "'\n"
                + "author: " + author + "\n"
                + "comments: false\n"
                + "date: " + date(r) + "\n"
                + "thumbnail: '" + image + "'\n"
                + "---\n\n"
                + "<div>   \n" + braces(body) + "\n</div>            ";
        String name = String.format(Locale.ROOT, "%06d %s.md", index, title.replaceAll("[.#/]", "")).strip();
        return new GeneratedFile(name, file.getBytes(StandardCharsets.UTF_8));
    }

    private static int targetChars(SplittableRandom r) {
        int bucket = r.nextInt(100);
        if (bucket < 40) {
            return 300 + r.nextInt(1_500);        // about 1–5 KB of UTF-8
        }
        if (bucket < 90) {
            return 1_800 + r.nextInt(8_000);      // 5–30 KB
        }
        return 12_000 + r.nextInt(30_000);        // 35–130 KB
    }

    private static Map<String, String> pickStocks(SplittableRandom r, int count) {
        Map<String, String> picked = new LinkedHashMap<>();
        while (picked.size() < Math.min(count, STOCKS.length)) {
            String[] s = STOCKS[r.nextInt(STOCKS.length)];
            picked.put(s[0], s[1]);
        }
        return picked;
    }

    private static String title(SplittableRandom r, int index, Map<String, String> codeInTitle) {
        StringBuilder t = new StringBuilder();
        if (!codeInTitle.isEmpty()) {
            Map.Entry<String, String> s = codeInTitle.entrySet().iterator().next();
            t.append(s.getValue()).append("（").append(exchangeCode(s.getKey())).append("）");
        }
        int words = 4 + r.nextInt(6);
        for (int i = 0; i < words; i++) {
            t.append(WORDS[r.nextInt(WORDS.length)]);
        }
        if (r.nextInt(5) == 0) {
            t.append(" _").append(WORDS[r.nextInt(WORDS.length)]).append("_");  // a “quoted” word, as the site writes it
        }
        return t.append(" ").append(index).toString();
    }

    /** {@code sh601222} → {@code 601222.SH}, {@code hk00123} → {@code 00123.HK}, {@code usabcd} → {@code ABCD.US}. */
    private static String exchangeCode(String symbol) {
        return symbol.substring(2).toUpperCase(Locale.ROOT) + "." + symbol.substring(0, 2).toUpperCase(Locale.ROOT);
    }

    private static String quoteTitle(String title) {
        return title.contains("'") ? "\"" + title + "\"" : "'" + title + "'";
    }

    private static String date(SplittableRandom r) {
        Instant at = FIRST.plusSeconds(r.nextLong(SPAN_SECONDS));
        int style = r.nextInt(100);
        if (style < 85) {
            return RFC_1123.format(at);
        }
        if (style < 97) {
            return ZONELESS.format(LocalDateTime.ofInstant(at, ZoneId.of("Asia/Shanghai")));
        }
        return "Invalid Date";
    }

    private static String sentence(SplittableRandom r) {
        StringBuilder s = new StringBuilder();
        int clauses = 1 + r.nextInt(3);
        for (int c = 0; c < clauses; c++) {
            if (c > 0) {
                s.append(PUNCT[r.nextInt(PUNCT.length)]);
            }
            int words = 3 + r.nextInt(6);
            for (int w = 0; w < words; w++) {
                s.append(WORDS[r.nextInt(WORDS.length)]);
            }
            if (r.nextInt(6) == 0) {
                s.append(r.nextInt(1000)).append('.').append(r.nextInt(100)).append('%');
            }
        }
        return s.append(r.nextInt(8) == 0 ? "！" : "。").toString();
    }

    private static String paragraphText(SplittableRandom r) {
        StringBuilder p = new StringBuilder();
        int sentences = 1 + r.nextInt(5);
        for (int i = 0; i < sentences; i++) {
            p.append(sentence(r));
        }
        return p.toString();
    }

    private static String sinaBody(SplittableRandom r, Map<String, String> stocks, int targetChars) {
        StringBuilder b = new StringBuilder();
        if (r.nextBoolean()) {
            b.append("<p cms-style=\"font-L\">　　来源：").append(WORDS[r.nextInt(WORDS.length)]).append("日报</p>\n");
        }
        List<Map.Entry<String, String>> toLink = new ArrayList<>(stocks.entrySet());
        int images = r.nextInt(4);
        while (b.length() < targetChars) {
            StringBuilder p = new StringBuilder(paragraphText(r));
            if (!toLink.isEmpty() && r.nextInt(3) > 0) {
                Map.Entry<String, String> s = toLink.remove(toLink.size() - 1);
                p.insert(p.length() / 2, stockSpan(s.getKey(), s.getValue()));
            }
            b.append("<p cms-style=\"font-L\">　　").append(p).append("</p>\n");
            if (images > 0 && r.nextInt(4) == 0) {
                images--;
                b.append("<div class=\"img_wrapper\"><img src=\"https://n.sinaimg.cn/finance/gen/")
                        .append(r.nextInt(1_000_000)).append(".jpg\" alt=\"\"><span class=\"img_descr\">")
                        .append(WORDS[r.nextInt(WORDS.length)]).append(WORDS[r.nextInt(WORDS.length)])
                        .append("</span></div>\n");
            }
        }
        for (Map.Entry<String, String> s : toLink) {  // the linker's leftovers land in a closing paragraph
            b.append("<p cms-style=\"font-L\">　　").append(stockSpan(s.getKey(), s.getValue())).append(sentence(r)).append("</p>\n");
        }
        b.append("<!--article_adlist[<p class=\"article-editor\">责任编辑：广告位</p>]article_adlist-->")
                .append("<!-- news_keyword_pub,stock,").append(String.join("&", stocks.keySet())).append(" -->\n")
                .append("<style>\n    .app-kaihu-qr {\n        text-align: center;\n    }\n</style>\n")
                .append("<div class=\"app-kaihu-qr\" id=\"app-kaihu-qr\">\n    <!-- <span>扫二维码</span> -->\n</div>\n")
                .append("<!-- 正文下iframe -->\n<!-- 总声明-->\n")
                .append("<div class=\"clearfix appendQr_wrap\"><div class=\"appendQr_normal\"><img src=\"").append(QR_IMAGE)
                .append("\"></div><div class=\"appendQr_normal_txt\">海量资讯、精准解读，尽在新浪财经APP</div></div>\n")
                .append("<p class=\"article-editor\">责任编辑：").append(WORDS[r.nextInt(WORDS.length)]).append(" SF")
                .append(100 + r.nextInt(900)).append(" </p>\n");
        return b.toString();
    }

    private static String stockSpan(String symbol, String name) {
        String market = symbol.substring(0, 2);
        String code = symbol.substring(2);
        return switch (market) {
            case "hk" -> "<span id=\"hkstock_hk" + code + "\"><a href=\"https://stock.finance.sina.com.cn/hkstock/quotes/"
                    + code + ".html\" class=\"keyword\">" + name + "</a></span><span id=\"quote_hk" + code + "\"></span>";
            case "us" -> "<span id=\"usstock_" + code.toUpperCase(Locale.ROOT) + "\"><a href=\"https://stock.finance.sina.com.cn/usstock/quotes/"
                    + code.toUpperCase(Locale.ROOT) + ".html\" class=\"keyword\">" + name + "</a></span><span id=\"quote_"
                    + code.toUpperCase(Locale.ROOT) + "\"></span>";
            default -> "<span id=\"stock_" + symbol + "\"><a href=\"https://finance.sina.com.cn/realstock/company/" + symbol
                    + "/nc.shtml\" class=\"keyword\">" + name + "</a></span><span id=\"quote_" + symbol + "\"></span>";
        };
    }

    private static String hotWordBody(SplittableRandom r, Map<String, String> stocks, int targetChars) {
        StringBuilder b = new StringBuilder();
        List<Map.Entry<String, String>> toLink = new ArrayList<>(stocks.entrySet());
        while (b.length() < targetChars || !toLink.isEmpty()) {
            StringBuilder p = new StringBuilder(paragraphText(r));
            if (!toLink.isEmpty()) {
                Map.Entry<String, String> s = toLink.remove(0);
                String code = s.getKey().substring(2);
                p.insert(0, "<a class=\"trsHotWords\" href=\"https://quote.example.cn/?stockcode=" + s.getKey().toUpperCase(Locale.ROOT)
                        + "\" code=\"" + code + "\">" + s.getValue() + "</a>");
            }
            b.append("<p>").append(p).append("</p>\n");
        }
        return b.toString();
    }

    private static String preBody(SplittableRandom r, int targetChars) {
        StringBuilder b = new StringBuilder();
        while (b.length() < targetChars) {
            b.append("<p>").append(paragraphText(r)).append("</p>\n");
            if (r.nextInt(5) == 0) {
                b.append("<pre>int value = ").append(r.nextInt(100)).append("; // &lt;demo&gt;</pre>\n");
            }
        }
        return b.toString();
    }

    private static String plainBody(SplittableRandom r, int targetChars) {
        StringBuilder b = new StringBuilder();
        while (b.length() < targetChars) {
            b.append(paragraphText(r)).append("\n");
        }
        return b.toString();
    }

    private static String firstImageOr(String body, String fallback) {
        int at = body.indexOf("<img src=\"");
        if (at < 0) {
            return fallback;
        }
        int start = at + "<img src=\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    /** The generator writes every brace as an entity, as the real one does. */
    private static String braces(String body) {
        return body.replace("{", "&#123;").replace("}", "&#125;");
    }
}
