package dev.finnews.article;

import java.util.List;
import java.util.Objects;

/**
 * One stock or index an article names.
 *
 * @param symbol   normative form: {@code sh601988}, {@code hk00700}, {@code usaapl}
 * @param code     the part after the prefix as the exchange writes it: {@code 601988}, {@code 00700}, {@code AAPL}
 * @param market   the exchange
 * @param name     the link text where there is one, else null
 * @param evidence how it was found, in the order first seen
 */
public record StockMention(String symbol, String code, Market market, String name, List<Evidence> evidence) {
    public StockMention {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(market, "market");
        evidence = List.copyOf(evidence);
    }
}
