package dev.finnews.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything finnews extracts from one uploaded article file. Immutable; lists are copied.
 *
 * @param id          {@link ArticleId} of the bucket and key the file was (or would be) uploaded to
 * @param title       display title: entities decoded, {@code _X_} restored to {@code “X”} where the body quotes it
 * @param titleRaw    the front-matter title exactly as written (quotes removed, entities decoded)
 * @param categories  the category path, top level first
 * @param author      front-matter author: the site, never a person
 * @param origin      the original media named in the body ({@code 来源：华夏时报}), or null
 * @param editor      the {@code 责任编辑} name without work codes, or null
 * @param publishedAt UTC instant, or null when the date could not be read
 * @param publishDate the Asia/Shanghai calendar date of {@code publishedAt}, or null
 * @param text        article text only, paragraphs separated by {@code \n}
 * @param summary     a short lead cut at a sentence end
 * @param images      real article images (boilerplate excluded)
 * @param leadImage   first real image URL, or null
 * @param stocks      one entry per stock or index symbol the markup names
 * @param keywords    useful terms: stock names and keywords the markup carries
 * @param warnings    machine-readable codes, see {@link Warning}
 */
public record Article(
        String id,
        String title,
        String titleRaw,
        List<String> categories,
        String author,
        String origin,
        String editor,
        Instant publishedAt,
        LocalDate publishDate,
        String text,
        String summary,
        List<Image> images,
        String leadImage,
        List<StockMention> stocks,
        List<String> keywords,
        List<String> warnings) {

    public Article {
        Objects.requireNonNull(id, "id");
        title = Objects.requireNonNullElse(title, "");
        titleRaw = Objects.requireNonNullElse(titleRaw, "");
        categories = List.copyOf(categories);
        text = Objects.requireNonNullElse(text, "");
        summary = Objects.requireNonNullElse(summary, "");
        images = List.copyOf(images);
        stocks = List.copyOf(stocks);
        keywords = List.copyOf(keywords);
        warnings = List.copyOf(warnings);
    }
}
