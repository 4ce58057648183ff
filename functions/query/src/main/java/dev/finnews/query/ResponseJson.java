package dev.finnews.query;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.finnews.article.S3Location;
import dev.finnews.json.ArticleJson;
import dev.finnews.json.Json;
import dev.finnews.store.ArticleSummary;
import dev.finnews.store.CategoryCount;
import dev.finnews.store.FailureRecord;
import dev.finnews.store.StockCount;
import dev.finnews.store.StoredArticle;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The JSON bodies the API returns, all written through {@link Json} so {@code <}, {@code >} and
 * {@code &} in stored values come out as {@code \u003c}-style escapes and cannot act as markup.
 */
final class ResponseJson {
    private ResponseJson() {
    }

    /** Writes one list item into a JSON array. */
    @FunctionalInterface
    interface ItemWriter<T> {
        void write(JsonGenerator g, T item) throws IOException;
    }

    /** {@code {"items": [...], "nextCursor": "..." | null}}. */
    static <T> String list(List<T> items, ItemWriter<T> writer, String nextCursor) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("items");
            for (T item : items) {
                writer.write(g, item);
            }
            g.writeEndArray();
            g.writeStringField("nextCursor", nextCursor);
            g.writeEndObject();
        });
    }

    /** Every article field, plus whether the text was cut and where the full file lives. */
    static String article(StoredArticle stored) {
        return Json.write(g -> {
            g.writeStartObject();
            ArticleJson.writeFields(g, stored.article());
            g.writeBooleanField("textTruncated", stored.textTruncated());
            writeSource(g, stored.source());
            g.writeEndObject();
        });
    }

    static void summary(JsonGenerator g, ArticleSummary s) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeStringField("title", s.title());
        g.writeStringField("publishedAt", text(s.publishedAt()));
        g.writeStringField("publishDate", s.publishDate() == null ? null : s.publishDate().toString());
        ArticleJson.writeStrings(g, "categories", s.categories());
        g.writeArrayFieldStart("stocks");
        for (ArticleSummary.StockRef stock : s.stocks()) {
            g.writeStartObject();
            g.writeStringField("symbol", stock.symbol());
            g.writeStringField("name", stock.name());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("summary", s.summary());
        g.writeStringField("leadImage", s.leadImage());
        writeSource(g, s.source());
        g.writeEndObject();
    }

    static void category(JsonGenerator g, CategoryCount c) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeStringField("key", c.key());
        g.writeNumberField("articles", c.articles());
        g.writeEndObject();
    }

    static void stock(JsonGenerator g, StockCount s) throws IOException {
        g.writeStartObject();
        g.writeStringField("symbol", s.symbol());
        g.writeStringField("name", s.name());
        g.writeNumberField("articles", s.articles());
        g.writeEndObject();
    }

    static void failure(JsonGenerator g, FailureRecord f) throws IOException {
        g.writeStartObject();
        g.writeStringField("bucket", f.bucket());
        g.writeStringField("key", f.key());
        g.writeStringField("reason", f.reason());
        g.writeStringField("message", f.message());
        g.writeStringField("at", text(f.at()));
        g.writeEndObject();
    }

    /** {@code {"error": {"code", "message"[, "candidates"]}}}. */
    static String error(ErrorCode code, String message, List<String> candidates) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeStringField("code", code.name());
            g.writeStringField("message", message);
            if (!candidates.isEmpty()) {
                ArticleJson.writeStrings(g, "candidates", candidates);
            }
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void writeSource(JsonGenerator g, S3Location source) throws IOException {
        if (source == null) {
            g.writeNullField("source");
            return;
        }
        g.writeObjectFieldStart("source");
        g.writeStringField("bucket", source.bucket());
        g.writeStringField("key", source.key());
        g.writeEndObject();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
