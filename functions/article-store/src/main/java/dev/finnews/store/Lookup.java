package dev.finnews.store;

import dev.finnews.article.StockSymbol;

import java.time.LocalDate;
import java.util.Objects;

/** The ways to list articles. */
public sealed interface Lookup {

    /** All articles, by time. */
    record Latest() implements Lookup {
    }

    /** Articles whose category path holds a level equal to {@code category} under {@link dev.finnews.article.Normalize#key}. */
    record ByCategory(String category) implements Lookup {
        public ByCategory {
            Objects.requireNonNull(category, "category");
        }
    }

    /** Articles whose Beijing calendar date is {@code date}. */
    record ByDate(LocalDate date) implements Lookup {
        public ByDate {
            Objects.requireNonNull(date, "date");
        }
    }

    /** Articles that mention the stock. */
    record ByStock(StockSymbol symbol) implements Lookup {
        public ByStock {
            Objects.requireNonNull(symbol, "symbol");
        }
    }
}
