package dev.finnews.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finnews.article.Article;
import dev.finnews.article.Evidence;
import dev.finnews.article.Image;
import dev.finnews.article.Market;
import dev.finnews.article.S3Location;
import dev.finnews.article.StockMention;
import dev.finnews.store.StoredArticle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Invented articles and helpers shared by the unit tests. */
final class Fixtures {
    static final String BUCKET = "finnews-test";
    static final String SECRET = "test-secret-0123456789abcdef";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    static QueryConfig config() {
        return QueryConfig.fromEnv(Map.of("CURSOR_SECRET", SECRET));
    }

    static StockMention stock(String symbol, String name) {
        Market market = Market.valueOf(symbol.substring(0, 2).toUpperCase(java.util.Locale.ROOT));
        String code = market == Market.US ? symbol.substring(2).toUpperCase(java.util.Locale.ROOT) : symbol.substring(2);
        return new StockMention(symbol, code, market, name, List.of(Evidence.SPAN));
    }

    /** An article uploaded as {@code key}, published at {@code publishedAt} (ISO instant, or null). */
    static StoredArticle article(String key, String title, String publishedAt, List<String> categories, StockMention... stocks) {
        S3Location source = new S3Location(BUCKET, key);
        Instant at = publishedAt == null ? null : Instant.parse(publishedAt);
        LocalDate date = at == null ? null : at.atZone(BeijingTime.ZONE).toLocalDate();
        Article article = new Article(source.articleId(), title, title, categories, "示例财经", null, "王小明",
                at, date, "　　第一段正文。\n　　第二段正文。", "第一段正文。",
                List.of(new Image("https://img.example.com/" + key.hashCode() + ".jpg", "配图说明")),
                "https://img.example.com/" + key.hashCode() + ".jpg", List.of(stocks), List.of("示例"),
                at == null ? List.of("INVALID_DATE") : List.of());
        return new StoredArticle(article, source, false, "test-1", "etag-" + key.hashCode(), null,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Percent-encodes a path segment or query value (UTF-8, everything but unreserved characters). */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
