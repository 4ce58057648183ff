package dev.finnews.parser.hostile;

import dev.finnews.article.Article;
import dev.finnews.article.Limits;
import dev.finnews.article.StockMention;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static dev.finnews.article.Warning.CATEGORIES_CAPPED;
import static dev.finnews.article.Warning.EMPTY_BODY;
import static dev.finnews.article.Warning.IMAGES_CAPPED;
import static dev.finnews.article.Warning.INVALID_DATE;
import static dev.finnews.article.Warning.KEYWORDS_CAPPED;
import static dev.finnews.article.Warning.LENIENT_FRONT_MATTER;
import static dev.finnews.article.Warning.STOCKS_CAPPED;
import static dev.finnews.article.Warning.TRANSCODED;
import static dev.finnews.parser.ErrorCode.BAD_FRONT_MATTER;
import static dev.finnews.parser.ErrorCode.EMPTY;
import static dev.finnews.parser.ErrorCode.NOT_TEXT;
import static dev.finnews.parser.ErrorCode.NO_FRONT_MATTER;
import static dev.finnews.parser.ErrorCode.TOO_LARGE;
import static dev.finnews.parser.ErrorCode.UNSUPPORTED_ENCODING;
import static dev.finnews.parser.hostile.Expected.article;
import static dev.finnews.parser.hostile.Expected.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-file catalogue: broken, odd and malicious article files, each with the outcome it must
 * have written next to it. Small files are committed under {@code src/test/resources/hostile/} (invented
 * text in the upload format); encodings, line-end variants and everything large are generated here from
 * them, at test time. Used by the parser's catalogue test and, through the test jar, by ingest's IT.
 */
public final class HostileFiles {
    /** The parser's default limit, which ingest's default {@code FINNEWS_MAX_OBJECT_BYTES} equals. */
    public static final int MAX_BYTES = Limits.DEFAULT_MAX_BYTES;

    private static final String BASE_TITLE = "星河科技发布年度报告";
    private static final String BASE_TEXT = "示例新闻网讯，虚构的星河科技今日发布年度报告，营业收入同比增长百分之十二。\n"
            + "报告显示，示例银行为其主要合作方。分析人士认为，行业景气度仍在回升。\n"
            + "以上内容纯属虚构，仅供测试。";
    private static final String BODY_START = "<div>   \n";
    private static final String BODY_END = "\n</div>\n" + " ".repeat(12);

    private HostileFiles() {
    }

    /** Every catalogue entry, committed files first, then the generated ones. */
    public static List<HostileFile> all() {
        List<HostileFile> c = new ArrayList<>();

        // ---- committed files (src/test/resources/hostile/)
        c.add(file("base.md", "a clean article: the base every generated variant starts from",
                article(), HostileFiles::isTheBaseArticle));
        c.add(file("whitespace-only.md", "spaces, tabs and blank lines only", failure(EMPTY)));
        c.add(file("truncated-mid-tag.md", "cut off inside the href of a stock link",
                article(), a -> assertThat(a.text()).startsWith("示例新闻网讯").doesNotContain("<", "href")));
        c.add(file("no-front-matter.md", "a Markdown note without the --- block", failure(NO_FRONT_MATTER)));
        c.add(file("front-matter-never-closed.md", "the opening --- is never closed", failure(BAD_FRONT_MATTER)));
        c.add(file("front-matter-without-title.md", "every key but the title", failure(BAD_FRONT_MATTER)));
        c.add(file("title-is-a-list.md", "the title is a YAML flow list", failure(BAD_FRONT_MATTER)));
        c.add(file("broken-yaml.md", "unclosed flow list, stray colon, tab indent",
                article(LENIENT_FRONT_MATTER), a -> assertThat(a.title()).isEqualTo(BASE_TITLE)));
        c.add(file("yaml-alias-bomb.md", "billion laughs: nine levels of nine aliases each",
                article(LENIENT_FRONT_MATTER), a -> assertThat(a.title()).isEqualTo(BASE_TITLE)));
        c.add(file("title-with-both-quote-kinds.md", "double-quoted title holding ' and \" unescaped",
                article(LENIENT_FRONT_MATTER), a -> assertThat(a.titleRaw()).isEqualTo("星河's \"年度\" 报告")));
        c.add(file("duplicate-keys.md", "title and author each written twice",
                article(LENIENT_FRONT_MATTER), a -> {
                    assertThat(a.title()).isEqualTo(BASE_TITLE);
                    assertThat(a.author()).isEqualTo("示例财经");
                }));
        c.add(file("keys-shuffled.md", "the seven keys in reverse order", article(), HostileFiles::isTheBaseArticle));
        Map<String, String> dates = new LinkedHashMap<>();
        dates.put("invalid-date", "Invalid Date (the generator's own placeholder)");
        dates.put("empty", "(nothing)");
        dates.put("out-of-range-fields", "2022-13-45 25:61:61");
        dates.put("wrong-weekday", "Mon, 17 May 2022 11:06:04 GMT (a Tuesday)");
        dates.put("epoch-seconds", "1652785564");
        dates.put("epoch-millis", "1652785564000");
        dates.put("far-future", "Fri, 31 Dec 9999 23:59:59 GMT (year 10000 in Beijing)");
        dates.put("far-past", "Mon, 01 Jan 1900 00:00:00 GMT");
        dates.put("iso-far-future", "+275760-09-13T00:00:00Z");
        for (Map.Entry<String, String> date : dates.entrySet()) {
            c.add(file("date-" + date.getKey() + ".md", "date: " + date.getValue(), article(INVALID_DATE), a -> {
                assertThat(a.publishedAt()).isNull();
                assertThat(a.publishDate()).isNull();
                assertThat(a.text()).isEqualTo(BASE_TEXT);
            }));
        }
        c.add(file("zero-width-joined-title.md", "ZWJ, ZWSP, word joiner and an inner BOM between title characters",
                article(), a -> assertThat(a.title()).isEqualTo("星\u200D河\u200B科技\u2060发布\uFEFF年度报告")));
        c.add(file("script-and-event-handlers.md", "<script>, on*= handlers, javascript: URLs, svg, iframe",
                article(), a -> {
                    assertThat(a.text()).isEqualTo("星河科技今日发布年度报告。\n"
                            + "代码示例：<script>alert(2)</script> 只是文字。\n点击这里\n样式里的脚本。\n结尾文字。");
                    assertThat(a.text() + a.summary()).doesNotContain("alert(1)", "alert('", "onerror", "onclick",
                            "javascript:", "注入的段落", "无脚本提示", "矢量");
                    assertThat(a.images()).extracting(i -> i.url()).containsExactly("https://img.example.com/x.jpg");
                }));
        c.add(file("nul-and-surrogate-entities.md", "&#0;, lone surrogates and out-of-range code points as entities",
                article(), a -> {
                    assertThat(a.title()).isEqualTo("星河\uFFFD科技\uFFFD报告\uFFFD");
                    assertThat(a.text()).isEqualTo("零字符\uFFFD与代理项\uFFFD与\uFFFD以及\uFFFD和\uFFFD和\uFFFD。");
                }));
        c.add(file("html-comment-never-closed.md", "<!-- opened and never closed, swallowing the rest",
                article(), a -> assertThat(a.text()).isEqualTo("注释之前的文字。")));
        c.add(file("front-matter-only.md", "front matter and nothing after it", article(EMPTY_BODY)));
        c.add(file("tag-soup.md", "mis-nested and stray closing tags", article(),
                a -> assertThat(a.text()).contains("第一段", "单元格", "最后一段。").doesNotContain("<", ">")));

        // ---- generated variants and large files
        c.add(generated("empty.md", "zero bytes", () -> new byte[0], failure(EMPTY)));
        c.add(generated("binary.png", "a PNG header and random bytes", HostileFiles::binary, failure(NOT_TEXT)));
        c.add(generated("fifty-megabytes.md", "a valid article padded to 50 MB", HostileFiles::fiftyMegabytes, failure(TOO_LARGE)));
        c.add(generated("gbk.md", "the base article in GBK", () -> encode(base(), "GBK"),
                article(TRANSCODED), HostileFiles::isTheBaseArticle));
        c.add(generated("gb18030.md", "GB18030 with four-byte characters outside GBK",
                () -> encode(base().replace(BASE_TITLE, "星河𠮷科技发布€年度报告"), "GB18030"),
                article(TRANSCODED), a -> assertThat(a.title()).isEqualTo("星河𠮷科技发布€年度报告")));
        c.add(generated("utf16le-bom.md", "UTF-16 little-endian with BOM", () -> encode("\uFEFF" + base(), "UTF-16LE"),
                article(TRANSCODED), HostileFiles::isTheBaseArticle));
        c.add(generated("utf16be-bom.md", "UTF-16 big-endian with BOM", () -> encode("\uFEFF" + base(), "UTF-16BE"),
                article(TRANSCODED), HostileFiles::isTheBaseArticle));
        c.add(generated("utf16le-no-bom.md", "UTF-16 little-endian without BOM", () -> encode(base(), "UTF-16LE"),
                failure(UNSUPPORTED_ENCODING)));
        c.add(generated("utf16be-no-bom.md", "UTF-16 big-endian without BOM", () -> encode(base(), "UTF-16BE"),
                failure(UNSUPPORTED_ENCODING)));
        c.add(generated("utf16-bom-odd-length.md", "UTF-16 BOM, then cut in the middle of a code unit",
                () -> withoutLastByte(encode("\uFEFF" + base(), "UTF-16LE")), failure(UNSUPPORTED_ENCODING)));
        c.add(generated("utf8-bom.md", "UTF-8 with BOM", () -> concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(base())),
                article(), HostileFiles::isTheBaseArticle));
        c.add(generated("utf8-bom-then-gbk.md", "a UTF-8 BOM in front of GBK bytes",
                () -> concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, encode(base(), "GBK")),
                article(TRANSCODED), HostileFiles::isTheBaseArticle));
        c.add(generated("crlf.md", "CRLF line ends", () -> utf8(base().replace("\n", "\r\n")), article(), HostileFiles::isTheBaseArticle));
        c.add(generated("lone-cr.md", "classic Mac CR-only line ends", () -> utf8(base().replace("\n", "\r")),
                article(), HostileFiles::isTheBaseArticle));
        c.add(generated("big5.md", "traditional Chinese in Big5", () -> encode(base().replace(BASE_TITLE, "星河科技發佈年度報告"), "Big5"),
                failure(UNSUPPORTED_ENCODING)));
        c.add(generated("windows-1252.md", "Latin text in Windows-1252",
                () -> encode(layoutWith("title: 'Café société: résumé of the année'\ndate: Tue, 17 May 2022 11:06:04 GMT\n",
                        "<p>Déjà vu — naïve façade, crème brûlée à la carte.</p>"), "windows-1252"),
                failure(UNSUPPORTED_ENCODING)));
        c.add(generated("control-characters.md", "BEL, ESC sequences, DEL and backspace in title and text",
                () -> utf8(base().replace(BASE_TITLE, "星河\u0007科技\u001B[31m发布\u007F年度报告")
                        .replace("营业收入", "营业\u0008收入\u001B[0m")),
                article(LENIENT_FRONT_MATTER), a -> {
                    assertThat(a.title()).isEqualTo("星河科技[31m发布年度报告");
                    assertThat(a.text()).startsWith("示例新闻网讯，虚构的星河科技今日发布年度报告，营业 收入 [0m同比增长");
                }));
        c.add(generated("nul-in-the-middle.md", "one NUL byte in the middle of the text",
                () -> utf8(base().replace("营业收入", "营业\u0000收入")), failure(NOT_TEXT)));
        c.add(generated("deeply-nested-yaml.md", "a key holding 30,000 nested block sequences",
                () -> utf8(base().replace("comments: false\n", "comments:\n" + "- ".repeat(30_000) + "深\n")),
                article(LENIENT_FRONT_MATTER), a -> assertThat(a.title()).isEqualTo(BASE_TITLE)));
        c.add(generated("front-matter-over-64k.md", "a 70,000-character author line",
                () -> utf8(base().replace("author: 示例财经", "author: " + "长".repeat(70_000))), failure(BAD_FRONT_MATTER)));
        c.add(generated("ten-thousand-character-title.md", "a 10,000-character title",
                () -> utf8(base().replace(BASE_TITLE, "题".repeat(10_000))),
                article(), a -> assertThat(a.title()).hasSize(Limits.MAX_FIELD_CHARS)));
        c.add(generated("script-in-title.md", "markup and entities in the title and categories",
                () -> utf8(base().replace(BASE_TITLE, "<script>alert(1)</script>&lt;img src=x onerror=alert(2)&gt;")
                        .replace(" - 金融\n", " - <b onclick=x>金融</b>\n")),
                article(), a -> {
                    assertThat(a.title()).isEqualTo("<script>alert(1)</script><img src=x onerror=alert(2)>");
                    assertThat(a.categories()).first().isEqualTo("<b onclick=x>金融</b>");
                }));
        c.add(generated("ten-thousand-stock-spans.md", "10,000 distinct Sina stock spans",
                () -> utf8(withBody(tenThousandStockSpans())), article(STOCKS_CAPPED, KEYWORDS_CAPPED), a -> {
                    assertThat(a.stocks()).hasSize(Limits.MAX_STOCKS);
                    assertThat(a.stocks()).extracting(StockMention::symbol).startsWith("sh600000", "sh600001");
                    assertThat(a.keywords()).hasSize(Limits.MAX_KEYWORDS);
                }));
        c.add(generated("keyword-comment-flood.md", "a news_keyword_pub comment naming 100,000 codes",
                () -> utf8(withBody("<p>正文。</p><!-- news_keyword_pub,stock," + codes(100_000, "&") + " -->")),
                article(STOCKS_CAPPED), a -> assertThat(a.stocks()).hasSize(Limits.MAX_STOCKS)));
        c.add(generated("code-pattern-flood.md", "10,000 suffixed codes (600000.SH …) in the text",
                () -> utf8(withBody("<p>" + suffixedCodes(10_000) + "</p>")),
                article(STOCKS_CAPPED), a -> assertThat(a.stocks()).hasSize(Limits.MAX_STOCKS)));
        c.add(generated("ten-thousand-keyword-links.md", "10,000 keyword links",
                () -> utf8(withBody(keywordLinks(10_000))), article(KEYWORDS_CAPPED),
                a -> assertThat(a.keywords()).hasSize(Limits.MAX_KEYWORDS)));
        c.add(generated("invisible-category.md", "a category level of zero-width characters only",
                () -> utf8(base().replace(" - 金融\n", " - \u200B\u2060\n - 金融\n")), article(),
                HostileFiles::isTheBaseArticle));
        c.add(generated("thousand-categories.md", "1,000 category levels",
                () -> utf8(base().replace(" - 金融\n", categories(1_000))), article(CATEGORIES_CAPPED),
                a -> assertThat(a.categories()).containsExactly("级0", "级1", "级2")));
        c.add(generated("hundred-thousand-nested-divs.md", "100,000 nested <div> elements",
                () -> utf8(withBody("<div>".repeat(100_000) + "<p>深处的文字。</p>" + "</div>".repeat(100_000))),
                article(), a -> assertThat(a.text()).isEqualTo("深处的文字。")));
        c.add(generated("hundred-thousand-nested-inline-tags.md", "100,000 nested formatting tags, never closed",
                () -> utf8(withBody("<p>" + "<b><font><i><span>".repeat(25_000) + "深处的文字。")),
                article(), a -> assertThat(a.text()).isEqualTo("深处的文字。")));
        c.add(generated("formatting-tags-at-the-depth-limit.md", "<b> reopened at jsoup's 512-element depth limit (jsoup throws)",
                () -> utf8(withBody("<div>".repeat(506) + "<p><b><div><p><b><div><p><span>深处的文字。")),
                article(), a -> assertThat(a.text()).isEqualTo("深处的文字。")));
        c.add(generated("one-megabyte-paragraph.md", "a single paragraph of 1 MB, no sentence end",
                () -> utf8(withBody("<p>" + "长".repeat(350_000) + "</p>")),
                article(), a -> {
                    assertThat(a.text()).hasSize(350_000);
                    assertThat(a.summary().length()).isLessThanOrEqualTo(201);
                }));
        c.add(generated("ten-thousand-images.md", "10,000 distinct images",
                () -> utf8(withBody(images(10_000))), article(IMAGES_CAPPED, EMPTY_BODY), a -> {
                    assertThat(a.images()).hasSize(Limits.MAX_IMAGES);
                    assertThat(a.leadImage()).isEqualTo("https://img.example.com/0.jpg");
                }));
        return List.copyOf(c);
    }

    // ------------------------------------------------------------------ checks shared by the variants of base.md

    private static void isTheBaseArticle(Article a) {
        assertThat(a.title()).isEqualTo(BASE_TITLE);
        assertThat(a.categories()).containsExactly("金融", "示例财经", "示例财经－国內");
        assertThat(a.author()).isEqualTo("示例财经");
        assertThat(a.publishedAt()).hasToString("2022-05-17T11:06:04Z");
        assertThat(a.text()).isEqualTo(BASE_TEXT);
        assertThat(a.editor()).isEqualTo("测试员");
        assertThat(a.stocks()).extracting(StockMention::symbol).containsExactly("sh600000");
        assertThat(a.images()).extracting(i -> i.url()).containsExactly("https://img.example.com/finance/w600/lead.jpg");
    }

    // ------------------------------------------------------------------ building blocks

    private static HostileFile file(String name, String what, Expected expected) {
        return file(name, what, expected, a -> { });
    }

    private static HostileFile file(String name, String what, Expected expected, Consumer<Article> details) {
        return new HostileFile(name, what, () -> resource(name), expected, details);
    }

    private static HostileFile generated(String name, String what, Supplier<byte[]> content, Expected expected) {
        return generated(name, what, content, expected, a -> { });
    }

    private static HostileFile generated(String name, String what, Supplier<byte[]> content, Expected expected,
                                         Consumer<Article> details) {
        return new HostileFile(name, what, content, expected, details);
    }

    /** A committed catalogue file's bytes. */
    public static byte[] resource(String name) {
        try (InputStream in = HostileFiles.class.getResourceAsStream("/hostile/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no catalogue file hostile/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base() {
        return new String(resource("base.md"), StandardCharsets.UTF_8);
    }

    /** The base article with its HTML body replaced. */
    private static String withBody(String body) {
        String base = base();
        return base.substring(0, base.indexOf(BODY_START) + BODY_START.length()) + body + BODY_END;
    }

    private static String layoutWith(String frontMatter, String body) {
        return "\n---\n" + frontMatter + "---\n\n" + BODY_START + body + BODY_END;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encode(String s, String charset) {
        return s.getBytes(Charset.forName(charset));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] withoutLastByte(byte[] b) {
        return Arrays.copyOf(b, b.length - 1);
    }

    private static byte[] binary() {
        byte[] b = new byte[64 * 1024];
        new SplittableRandom(8).nextBytes(b);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        System.arraycopy(png, 0, b, 0, png.length);
        return b;
    }

    /** A valid article whose body paragraph repeats until the file has 50 MB. */
    private static byte[] fiftyMegabytes() {
        int size = 50 * 1024 * 1024;
        byte[] head = utf8(withBody("<p>"));
        byte[] filler = utf8("　　虚构的填充文字，重复直到五十兆字节。");
        byte[] out = Arrays.copyOf(head, size);
        for (int at = head.length; at < size; at += filler.length) {
            System.arraycopy(filler, 0, out, at, Math.min(filler.length, size - at));
        }
        return out;
    }

    private static String tenThousandStockSpans() {
        StringBuilder b = new StringBuilder("<p>");
        for (int i = 0; i < 10_000; i++) {
            String symbol = "sh" + (600_000 + i);
            b.append("<span id=\"stock_").append(symbol).append("\"><a href=\"https://finance.sina.com.cn/realstock/company/")
                    .append(symbol).append("/nc.shtml\" class=\"keyword\" target=\"_blank\">公司").append(i)
                    .append("</a></span><span id=\"quote_").append(symbol).append("\"></span>、");
        }
        return b.append("</p>").toString();
    }

    private static String codes(int n, String separator) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : separator).append("sh").append(600_000 + i % 10_000);
        }
        return b.toString();
    }

    private static String suffixedCodes(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("公司（").append(600_000 + i).append(".SH）、");
        }
        return b.toString();
    }

    private static String keywordLinks(int n) {
        StringBuilder b = new StringBuilder("<p>");
        for (int i = 0; i < n; i++) {
            b.append("<a class=\"keyword\" href=\"https://example.com/k").append(i).append("\">词").append(i).append("</a>");
        }
        return b.append("</p>").toString();
    }

    private static String categories(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(" - 级").append(i).append('\n');
        }
        return b.toString();
    }

    private static String images(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("<div class=\"img_wrapper\"><img src=\"https://img.example.com/").append(i)
                    .append(".jpg\"><span class=\"img_descr\">图").append(i).append("</span></div>\n");
        }
        return b.toString();
    }

    /** For the fuzzer: every catalogue file small enough to mutate cheaply (the multi-megabyte ones are left out). */
    public static List<byte[]> smallFiles(int maxBytes) {
        List<byte[]> out = new ArrayList<>();
        for (HostileFile f : all()) {
            if (f.name().equals("fifty-megabytes.md")) {
                continue;
            }
            byte[] b = f.bytes();
            if (b.length <= maxBytes) {
                out.add(b);
            }
        }
        return out;
    }
}
