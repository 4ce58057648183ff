package dev.finnews.parser;

import dev.finnews.article.Evidence;
import dev.finnews.article.Image;
import dev.finnews.article.Limits;
import dev.finnews.article.StockSymbol;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the HTML body in one jsoup parse and one pass over the tree: text paragraphs, real images,
 * stock references, markup keywords, the editor line and the ad-list origin. Boilerplate subtrees
 * (style, script, QR and promo blocks, the editor line) are skipped whole.
 */
final class BodyReader implements NodeFilter {
    private static final Set<String> SKIPPED_TAGS = Set.of("style", "script", "noscript", "iframe", "template", "head",
            "object", "embed", "button", "select", "textarea", "svg", "math");
    private static final Set<String> BOILERPLATE_CLASSES = Set.of("app-kaihu-qr", "app-qihuo-kaihu-qr", "appendQr_wrap",
            "appendQr_normal", "appendQr_normal_txt", "article-editor", "ori_titlesource", "article-relation");
    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "blockquote", "pre", "table", "tr", "section", "article", "header", "footer", "aside", "figure", "figcaption",
            "dl", "dt", "dd", "hr", "center", "address", "main", "nav", "details", "summary", "caption", "tbody", "thead", "tfoot");
    private static final String KEYWORD_COMMENT = "news_keyword_pub,";
    private static final String AD_LIST = "article_adlist[";
    /** The Sina QR code appended to every article; never an article image. */
    private static final String SINA_QR_PATH = "/finance/cece9e13/20200514/343233024.png";
    private static final int MAX_URL_CHARS = 2048;
    private static final int MAX_CAPTION_CHARS = 500;
    private static final int MAX_COMMENT_CODES = 200;

    private final List<RawParagraph> paragraphs = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private final Map<String, Image> images = new LinkedHashMap<>();
    private final StockCollector stocks = new StockCollector(Limits.MAX_STOCKS);
    private final List<String> markupKeywords = new ArrayList<>();
    private int preDepth;
    private boolean sawStructure;
    private String editor;
    private String adListOrigin;

    /** A stretch of text between two block boundaries, as written. */
    record RawParagraph(String text, boolean preformatted) {
    }

    /**
     * What the body markup holds.
     *
     * @param paragraphs   text between block boundaries, in document order, not yet cleaned
     * @param plainText    true when the body has no block markup at all: its line breaks separate paragraphs
     * @param images       real article images (at most one more than the cap)
     * @param stocks       stock references from spans, links, hot words and the keyword comment
     * @param keywords     keyword-link texts and non-stock keyword comment values
     * @param editor       the name from the {@code article-editor} line, or null
     * @param adListOrigin the {@code 来源：} named inside an ad-list comment, or null
     */
    record Markup(List<RawParagraph> paragraphs, boolean plainText, List<Image> images, StockCollector stocks,
                  List<String> keywords, String editor, String adListOrigin) {
    }

    static Markup read(FileLayout layout) {
        Element body = parse(layout);
        BodyReader reader = new BodyReader();
        NodeTraversor.filter(reader, body);
        reader.flush();
        return new Markup(reader.paragraphs, !reader.sawStructure, List.copyOf(reader.images.values()), reader.stocks,
                reader.markupKeywords, reader.editor, reader.adListOrigin);
    }

    /**
     * The body as HTML, or, for the rare markup that makes jsoup's HTML tree builder fail, as jsoup's
     * XML parser reads it (the tree as written, no HTML repair), so a file is never lost to a library
     * bug. Seen: jsoup 1.24.1 throws {@code IndexOutOfBoundsException} when it reconstructs formatting
     * elements right at its 512-element depth limit.
     */
    private static Element parse(FileLayout layout) {
        try {
            return Parser.htmlParser().parseInput(layout.bodyReader(), "").body();
        } catch (RuntimeException e) {
            return Parser.xmlParser().parseInput(layout.bodyReader(), "");
        }
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode text) {
            current.append(text.getWholeText());
            return FilterResult.CONTINUE;
        }
        if (node instanceof Comment comment) {
            readComment(comment.getData());
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element el)) {
            return FilterResult.SKIP_ENTIRELY; // data nodes (style/script content), doctype, declarations
        }
        String tag = el.normalName();
        if (SKIPPED_TAGS.contains(tag)) {
            return FilterResult.SKIP_ENTIRELY;
        }
        String classes = el.attr("class");
        if (isBoilerplate(classes.trim(), el.id())) {
            if (hasClass(el, classes, "article-editor") && editor == null) {
                CreditLines.Kind kind = CreditLines.classify(TextCleaner.collapse(el.text()));
                if (kind instanceof CreditLines.Kind.Editor e) {
                    editor = e.name();
                }
            }
            breakParagraph(tag);
            return FilterResult.SKIP_ENTIRELY;
        }
        if (hasClass(el, classes, "img_wrapper")) {
            flush();
            readImageWrapper(el);
            return FilterResult.SKIP_ENTIRELY;
        }
        if (tag.equals("span") && hasClass(el, classes, "__cf_email__")) {
            current.append(CloudflareEmail.decode(el.attr("data-cfemail")).orElse(el.text()));
            return FilterResult.SKIP_ENTIRELY;
        }
        switch (tag) {
            case "span" -> readSpan(el);
            case "a" -> readLink(el, classes);
            case "img" -> addImage(el.attr("src").isBlank() ? el.attr("data-src") : el.attr("src"), altCaption(el));
            case "br" -> {
                sawStructure = true;
                flush();
            }
            case "td", "th" -> current.append(' ');
            default -> {
                if (BLOCK_TAGS.contains(tag)) {
                    blockStart(tag);
                }
            }
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (node instanceof Element el && BLOCK_TAGS.contains(el.normalName())) {
            flush();
            if (el.normalName().equals("pre")) {
                preDepth--;
            }
        }
        return FilterResult.CONTINUE;
    }

    private void blockStart(String tag) {
        if (!tag.equals("div")) {
            sawStructure = true; // wrapper divs alone do not make a plain-text feed structured
        }
        flush();
        if (tag.equals("pre")) {
            preDepth++;
        }
    }

    private void breakParagraph(String tag) {
        if (BLOCK_TAGS.contains(tag)) {
            flush();
        }
    }

    private void flush() {
        if (current.length() == 0) {
            return;
        }
        String text = current.toString();
        current.setLength(0);
        if (!text.isBlank()) {
            paragraphs.add(new RawParagraph(text, preDepth > 0));
        }
    }

    /**
     * {@link Element#hasClass}, which reads a system property on every call, asked only when the element's
     * {@code class} attribute is long enough to name the class at all (most elements have none).
     */
    private static boolean hasClass(Element el, String classAttribute, String name) {
        return classAttribute.length() >= name.length() && el.hasClass(name);
    }

    /** @param classes the trimmed {@code class} attribute, as {@link Element#className()} gives it */
    private static boolean isBoilerplate(String classes, String id) {
        // split as Element.classNames() does (on \s+), without building its set for every element
        int i = 0;
        while (i < classes.length()) {
            while (i < classes.length() && isRegexSpace(classes.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < classes.length() && !isRegexSpace(classes.charAt(i))) {
                i++;
            }
            if (i > start && BOILERPLATE_CLASSES.contains(classes.substring(start, i))) {
                return true;
            }
        }
        return isBoilerplateId(id);
    }

    /** The white space of the regex {@code \s}. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isBoilerplateId(String id) {
        return id.equals("app-kaihu-qr") || id.equals("app-qihuo-kaihu-qr");
    }

    private void readSpan(Element span) {
        String id = span.id();
        if (!id.isEmpty()) {
            StockReferences.fromSpanId(id).ifPresent(s -> stocks.add(s, Evidence.SPAN, null));
        }
    }

    private void readLink(Element a, String classes) {
        String href = a.attr("href");
        String text = null; // the link text, built at most once: a keyword link is often a stock link too
        if (hasClass(a, classes, "trsHotWords")) {
            String name = a.text();
            StockReferences.fromHotWord(href, a.attr("code")).ifPresent(s -> stocks.add(s, Evidence.HOT_WORD, name));
            addKeyword(name);
            text = name;
        } else if (hasClass(a, classes, "keyword")) {
            text = a.text();
            addKeyword(text);
        }
        if (!href.isEmpty()) {
            Optional<StockSymbol> linked = StockReferences.fromHref(href);
            if (linked.isPresent()) {
                stocks.add(linked.get(), Evidence.LINK, text != null ? text : a.text());
            }
        }
    }

    private void readComment(String data) {
        int start = 0;
        while (start < data.length() && Character.isWhitespace(data.charAt(start))) {
            start++;
        }
        // ad-list comments are long: only the short keyword comment is copied to be stripped
        if (data.startsWith(KEYWORD_COMMENT, start)) {
            String d = data.strip();
            String[] parts = d.split(",", 3);
            String kind = parts.length > 1 ? parts[1].strip() : "";
            List<String> values = new ArrayList<>();
            if (parts.length > 2) {
                for (String v : parts[2].split("&", MAX_COMMENT_CODES + 1)) {
                    String value = v.strip();
                    if (!value.isEmpty() && values.size() < MAX_COMMENT_CODES) {
                        values.add(value);
                    }
                }
            }
            if (kind.equals("stock") || kind.equals("hkstock") || kind.equals("usstock")) {
                stocks.addAll(StockReferences.fromKeywordComment(kind, values), Evidence.COMMENT);
            } else {
                values.forEach(this::addKeyword);
            }
        } else if (adListOrigin == null && data.startsWith(AD_LIST, start)) {
            adListOrigin = CreditLines.originIn(data);
        }
    }

    private void addKeyword(String text) {
        if (markupKeywords.size() <= Limits.MAX_KEYWORDS) {
            String k = TextCleaner.collapse(text);
            if (!k.isEmpty() && k.length() <= 40) {
                markupKeywords.add(k);
            }
        }
    }

    private void readImageWrapper(Element wrapper) {
        Element img = wrapper.selectFirst("img");
        if (img == null) {
            return;
        }
        Element descr = wrapper.selectFirst(".img_descr");
        String caption = descr == null ? null : descr.text();
        addImage(img.attr("src").isBlank() ? img.attr("data-src") : img.attr("src"), caption);
    }

    /** An {@code alt} text that describes the picture; generic words like {@code image} are not captions. */
    private static String altCaption(Element img) {
        String alt = TextCleaner.collapse(img.attr("alt"));
        return alt.length() < 2 || alt.equalsIgnoreCase("image") || alt.equalsIgnoreCase("img") || alt.equals("图片")
                || TextCleaner.allDigits(alt) ? null : alt;
    }

    private void addImage(String src, String caption) {
        if (images.size() > Limits.MAX_IMAGES) {
            return; // one past the cap is enough to know it was hit
        }
        String url = imageUrl(src);
        if (url == null || images.containsKey(url)) {
            return;
        }
        String c = caption == null ? "" : TextCleaner.truncate(TextCleaner.collapse(caption), MAX_CAPTION_CHARS);
        images.put(url, new Image(url, c.isEmpty() ? null : c));
    }

    /**
     * An absolute http(s) URL for a real article image, or null: data URIs, relative paths, the Sina QR
     * code and {@code picsum.photos} placeholders (the generator's stand-in when a feed has no picture)
     * are not article images, nor is a URL holding white space, control characters or half a surrogate pair.
     */
    static String imageUrl(String src) {
        if (src == null) {
            return null;
        }
        String s = src.strip();
        if (s.startsWith("//")) {
            s = "https:" + s;
        }
        if (s.length() > MAX_URL_CHARS || !(s.startsWith("https://") || s.startsWith("http://"))) {
            return null;
        }
        if (s.contains(SINA_QR_PATH) || s.contains("://picsum.photos/")) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || (c >= 0x7F && c <= 0x9F)) {
                return null;
            }
        }
        return TextCleaner.hasLoneSurrogate(s) ? null : s;
    }
}
