package dev.finnews.json;

import dev.finnews.article.Article;
import dev.finnews.article.Evidence;
import dev.finnews.article.Image;
import dev.finnews.article.Market;
import dev.finnews.article.StockMention;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {
    @Test
    void markupCharactersAndLineSeparatorsAreEscaped() {
        String json = Json.write(g -> g.writeString("<script>alert('x')</script> & \u2028\u2029 中文"));

        assertThat(json).doesNotContain("<", ">", "&", "'", "\u2028", "\u2029")
                .isEqualTo("\"\\u003Cscript\\u003Ealert(\\u0027x\\u0027)\\u003C/script\\u003E \\u0026 \\u2028\\u2029 中文\"");
    }

    @Test
    void writesEveryArticleFieldUnderItsPublicName() {
        Article a = new Article("AAAAAAAAAAAAAAAAAAAAAA", "标题", "标题", List.of("金融"), "新浪财经", null, "李昂",
                Instant.parse("2022-05-17T11:06:04Z"), LocalDate.of(2022, 5, 17), "正文", "正文",
                List.of(new Image("https://example.com/a.jpg", null)), "https://example.com/a.jpg",
                List.of(new StockMention("sh601988", "601988", Market.SH, "中国银行", List.of(Evidence.SPAN, Evidence.COMMENT))),
                List.of("中国银行"), List.of());

        String json = Json.write(g -> {
            g.writeStartObject();
            ArticleJson.writeFields(g, a);
            g.writeEndObject();
        });

        assertThat(json).isEqualTo("{\"id\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"title\":\"标题\",\"titleRaw\":\"标题\",\"categories\":[\"金融\"],"
                + "\"author\":\"新浪财经\",\"origin\":null,\"editor\":\"李昂\",\"publishedAt\":\"2022-05-17T11:06:04Z\","
                + "\"publishDate\":\"2022-05-17\",\"text\":\"正文\",\"summary\":\"正文\","
                + "\"images\":[{\"url\":\"https://example.com/a.jpg\",\"caption\":null}],\"leadImage\":\"https://example.com/a.jpg\","
                + "\"stocks\":[{\"symbol\":\"sh601988\",\"code\":\"601988\",\"market\":\"SH\",\"name\":\"中国银行\","
                + "\"evidence\":[\"SPAN\",\"COMMENT\"]}],\"keywords\":[\"中国银行\"],\"warnings\":[]}");
    }
}
