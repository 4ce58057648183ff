package dev.finnews.store;

/** One stock: normative symbol, the name last seen (may be null), and how many articles mention it. */
public record StockCount(String symbol, String name, long articles) {
}
