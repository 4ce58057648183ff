package dev.finnews.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.finnews.article.Article;
import dev.finnews.article.Evidence;
import dev.finnews.article.Image;
import dev.finnews.article.StockMention;

import java.io.IOException;
import java.util.List;

/** Writes an {@link Article}'s fields, with the names users see in the CLI and the API. */
public final class ArticleJson {
    private ArticleJson() {
    }

    /** Writes the article's fields into the object {@code g} is currently inside. */
    public static void writeFields(JsonGenerator g, Article a) throws IOException {
        g.writeStringField("id", a.id());
        g.writeStringField("title", a.title());
        g.writeStringField("titleRaw", a.titleRaw());
        writeStrings(g, "categories", a.categories());
        g.writeStringField("author", a.author());
        g.writeStringField("origin", a.origin());
        g.writeStringField("editor", a.editor());
        g.writeStringField("publishedAt", a.publishedAt() == null ? null : a.publishedAt().toString());
        g.writeStringField("publishDate", a.publishDate() == null ? null : a.publishDate().toString());
        g.writeStringField("text", a.text());
        g.writeStringField("summary", a.summary());
        g.writeArrayFieldStart("images");
        for (Image image : a.images()) {
            g.writeStartObject();
            g.writeStringField("url", image.url());
            g.writeStringField("caption", image.caption());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("leadImage", a.leadImage());
        g.writeArrayFieldStart("stocks");
        for (StockMention s : a.stocks()) {
            g.writeStartObject();
            g.writeStringField("symbol", s.symbol());
            g.writeStringField("code", s.code());
            g.writeStringField("market", s.market().name());
            g.writeStringField("name", s.name());
            g.writeArrayFieldStart("evidence");
            for (Evidence e : s.evidence()) {
                g.writeString(e.name());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        writeStrings(g, "keywords", a.keywords());
        writeStrings(g, "warnings", a.warnings());
    }

    public static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
