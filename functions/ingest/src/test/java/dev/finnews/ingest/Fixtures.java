package dev.finnews.ingest;

import java.util.List;

/**
 * Invented article files in the upload format (leading empty line, hand-written front matter, one
 * {@code <div>} of Sina-style HTML, trailing spaces, no final newline). No real article text.
 */
final class Fixtures {
    private Fixtures() {
    }

    /** A stock as Sina's keyword linker writes it: normative symbol and name. */
    record Stock(String symbol, String name) {
    }

    static String article(String title, List<String> categories, String date, List<Stock> stocks) {
        StringBuilder s = new StringBuilder("\n---\n");
        s.append("title: '").append(title).append("'\n");
        s.append("categories: \n");
        categories.forEach(c -> s.append(" - ").append(c).append('\n'));
        s.append("headimg: 'https://example.com/img/lead.jpg'\n");
        s.append("author: 新浪财经\n");
        s.append("comments: false\n");
        s.append("date: ").append(date).append('\n');
        s.append("thumbnail: 'https://example.com/img/lead.jpg'\n");
        s.append("---\n\n<div>   \n");
        s.append("<p cms-style=\"font-L\">\u3000\u3000这是一篇虚构的测试文章，").append(title).append("。市场人士表示，情况总体平稳。</p>\n");
        s.append("<div class=\"img_wrapper\"><img src=\"https://example.com/img/lead.jpg\"><span class=\"img_descr\">示意图</span></div>\n");
        for (Stock stock : stocks) {
            s.append("<p cms-style=\"font-L\">\u3000\u3000据悉，<span id=\"stock_").append(stock.symbol())
                    .append("\"><a href=\"https://finance.sina.com.cn/realstock/company/").append(stock.symbol())
                    .append("/nc.shtml\" class=\"keyword\">").append(stock.name()).append("</a></span><span id=\"quote_")
                    .append(stock.symbol()).append("\"></span>今日公告经营情况良好。</p>\n");
        }
        s.append("<p cms-style=\"font-L\">\u3000\u3000以上内容仅供测试使用。</p>\n");
        s.append("<!-- news_keyword_pub,stock,")
                .append(String.join("&", stocks.stream().map(Stock::symbol).toList())).append(" -->\n");
        s.append("<p class=\"article-editor\">责任编辑：测试 </p>\n");
        s.append("</div>            ");
        return s.toString();
    }

    static String article(String title, String date, List<Stock> stocks) {
        return article(title, List.of("金融", "新浪财经", "新浪财经－国內"), date, stocks);
    }

    /** {@code n} Shanghai main-board stocks with invented names, numbered from {@code first}. */
    static List<Stock> stocks(int first, int n) {
        return java.util.stream.IntStream.range(first, first + n)
                .mapToObj(i -> new Stock("sh" + (600000 + i), "测试公司" + i)).toList();
    }

    static final String BROKEN = "这不是文章：没有前置元数据。";
}
