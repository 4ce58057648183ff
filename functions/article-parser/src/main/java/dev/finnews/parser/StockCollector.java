package dev.finnews.parser;

import dev.finnews.article.Evidence;
import dev.finnews.article.StockMention;
import dev.finnews.article.StockSymbol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merges every sighting of a symbol into one mention: evidence in the order first seen, the first name. */
final class StockCollector {
    /** Link texts longer than this are sentences, not stock names. */
    private static final int MAX_NAME_CHARS = 40;

    private final Map<String, Sighting> bySymbol = new LinkedHashMap<>();
    private final int cap;

    /** Keeps at most {@code cap} symbols; one more is remembered only to know the cap was hit. */
    StockCollector(int cap) {
        this.cap = cap;
    }

    void add(StockSymbol symbol, Evidence evidence, String name) {
        String key = symbol.symbol();
        Sighting s = bySymbol.get(key);
        if (s == null) {
            if (bySymbol.size() > cap) {
                return;
            }
            s = new Sighting(symbol);
            bySymbol.put(key, s);
        }
        if (!s.evidence.contains(evidence)) {
            s.evidence.add(evidence);
        }
        if (s.name == null) {
            s.name = cleanName(name);
        }
    }

    void addAll(List<StockSymbol> symbols, Evidence evidence) {
        for (StockSymbol symbol : symbols) {
            add(symbol, evidence, null);
        }
    }

    /** True when the markup named more symbols than the cap. */
    boolean capped() {
        return bySymbol.size() > cap;
    }

    /** At most {@code cap} mentions, in the order their symbols were first seen. */
    List<StockMention> mentions() {
        List<StockMention> out = new ArrayList<>(Math.min(cap, bySymbol.size()));
        for (Sighting s : bySymbol.values()) {
            if (out.size() == cap) {
                break;
            }
            out.add(new StockMention(s.symbol.symbol(), s.symbol.code(), s.symbol.market(), s.name, s.evidence));
        }
        return out;
    }

    private static String cleanName(String name) {
        if (name == null) {
            return null;
        }
        String n = TextCleaner.collapse(name);
        return n.isEmpty() || n.length() > MAX_NAME_CHARS ? null : n;
    }

    private static final class Sighting {
        final StockSymbol symbol;
        final List<Evidence> evidence = new ArrayList<>(2);
        String name;

        Sighting(StockSymbol symbol) {
            this.symbol = symbol;
        }
    }
}
