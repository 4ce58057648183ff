package dev.finnews.store.dynamo;

import dev.finnews.article.Normalize;
import dev.finnews.article.StockSymbol;
import dev.finnews.store.Lookup;
import dev.finnews.store.TextCut;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Every key of the table. Partition {@code A#<id>} holds an article (sort key {@code A}); lookup
 * partitions {@code L#…} hold one entry per article listed there, sorted by {@code <sortTime>#<id>}
 * where sortTime is a fixed-width UTC instant, so string order is time order.
 */
final class Keys {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String ARTICLE_SK = "A";
    static final String LATEST = "L#ALL";
    static final String CATEGORY_COUNTS = "COUNT#CAT";
    static final String STOCK_COUNTS = "COUNT#STOCK";
    static final String FAILURES = "FAIL";

    private static final String ARTICLE_PREFIX = "A#";
    private static final String CATEGORY_PREFIX = "L#CAT#";
    private static final String DATE_PREFIX = "L#DATE#";
    private static final String STOCK_PREFIX = "L#STOCK#";
    /** Sorts after every character an id or time can hold, so {@code <time>~} ends that millisecond's range. */
    static final String AFTER_ANY_ID = "~";
    private static final int MAX_LEVEL_KEY_BYTES = 1000;

    private static final DateTimeFormatter SORT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST_TIME = Instant.parse("9999-12-31T23:59:59.999Z");
    static final Pattern TIMED_SORT_KEY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z#[A-Za-z0-9_-]{1,64}");

    private Keys() {
    }

    static String article(String id) {
        return ARTICLE_PREFIX + id;
    }

    static String category(String level) {
        return CATEGORY_PREFIX + categoryKey(level);
    }

    /** The normalised level, cut so it fits a sort key (1,024 bytes) as the count item's key. */
    static String categoryKey(String level) {
        return TextCut.toUtf8Bytes(Normalize.key(level), MAX_LEVEL_KEY_BYTES);
    }

    static String date(LocalDate date) {
        return DATE_PREFIX + date;
    }

    static String stock(String symbol) {
        return STOCK_PREFIX + symbol;
    }

    static String lookupPartition(Lookup lookup) {
        if (lookup instanceof Lookup.ByCategory c) {
            return category(c.category());
        }
        if (lookup instanceof Lookup.ByDate d) {
            return date(d.date());
        }
        if (lookup instanceof Lookup.ByStock s) {
            return stock(s.symbol().symbol());
        }
        return LATEST;
    }

    /** The count item a lookup partition contributes to, or null for latest and dates (not counted). */
    static CountKey countOf(String lookupPartition) {
        if (lookupPartition.startsWith(CATEGORY_PREFIX)) {
            return new CountKey(CATEGORY_COUNTS, lookupPartition.substring(CATEGORY_PREFIX.length()));
        }
        if (lookupPartition.startsWith(STOCK_PREFIX)) {
            return new CountKey(STOCK_COUNTS, lookupPartition.substring(STOCK_PREFIX.length()));
        }
        return null;
    }

    /** Fixed-width UTC instant with milliseconds; times outside years 0000–9999 are clamped so the width holds. */
    static String sortTime(Instant t) {
        Instant clamped = t.isBefore(EARLIEST) ? EARLIEST : t.isAfter(LATEST_TIME) ? LATEST_TIME : t;
        return SORT_TIME.format(clamped.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The smallest sort key at or after {@code from} (a sub-millisecond part rounds up, as sort times hold whole ms). */
    static String lowerBound(Instant from) {
        Instant ms = from.truncatedTo(ChronoUnit.MILLIS);
        return sortTime(ms.equals(from) ? ms : ms.plusMillis(1));
    }

    /** The largest sort key at or before {@code to}, inclusive of every entry in {@code to}'s millisecond. */
    static String upperBound(Instant to) {
        return sortTime(to) + AFTER_ANY_ID;
    }

    static String timed(Instant t, String id) {
        return sortTime(t) + "#" + id;
    }

    /** A count item: {@code COUNT#CAT}/{@code COUNT#STOCK} and the normalised level or symbol. */
    record CountKey(String partition, String sortKey) {
    }

    /** Symbols are stored in normative form only. */
    static boolean isNormativeSymbol(String s) {
        return StockSymbol.parseNormative(s).isPresent();
    }
}
