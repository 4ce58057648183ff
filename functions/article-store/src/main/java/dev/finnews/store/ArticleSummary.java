package dev.finnews.store;

import dev.finnews.article.S3Location;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What a list shows of an article, carried by every lookup entry so a page needs no second read. */
public record ArticleSummary(String id, String title, Instant publishedAt, LocalDate publishDate,
                             List<String> categories, List<StockRef> stocks, String summary, String leadImage,
                             S3Location source) {
    public ArticleSummary {
        categories = List.copyOf(categories);
        stocks = List.copyOf(stocks);
    }

    /** A stock as lists show it; {@code name} may be null. */
    public record StockRef(String symbol, String name) {
    }
}
