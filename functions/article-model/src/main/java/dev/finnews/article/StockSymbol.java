package dev.finnews.article;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stock or index symbol in finnews' one normative form: {@code sh|sz|bj} + 6 digits, {@code hk} + 5
 * digits, {@code us} + lower-case ticker. {@link #resolve} reads the many ways users and sites write them.
 */
public record StockSymbol(Market market, String code) {
    private static final Pattern PREFIXED = Pattern.compile("(?i)(sh|sz|bj|hk|us|gb_)(.+)");
    private static final Pattern SUFFIXED = Pattern.compile("(?i)(.+)\\.(sh|ss|sz|bj|hk|us|n|o)");

    public StockSymbol {
        code = switch (market) {
            case SH, SZ, BJ -> requireValid(isAShareCode(code), code);
            case HK -> "0".repeat(5 - requireValid(isHkCode(code), code).length()) + code;
            case US -> requireValid(isUsTicker(code), code).toUpperCase(Locale.ROOT).replace('-', '.');
        };
    }

    /** The normative form: {@code sh601988}, {@code hk00700}, {@code usaapl}. */
    public String symbol() {
        return market.prefix() + code.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return symbol();
    }

    /** A symbol in exactly the normative form ({@code sh601988}), as stored; empty for anything else. */
    public static Optional<StockSymbol> parseNormative(String s) {
        if (s == null || s.length() < 3 || !s.equals(s.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Resolution r = resolve(s);
        return r instanceof Resolution.Resolved ok && ok.symbol().symbol().equals(s) ? Optional.of(ok.symbol()) : Optional.empty();
    }

    /**
     * Reads a symbol as users type it: {@code sh601988}, {@code SH601988}, {@code 601988.SH},
     * {@code 601988.SS}, {@code hk00700}, {@code 00700.HK}, {@code usAAPL}, {@code AAPL.US},
     * {@code gb_aapl}, or a bare 6-digit code when the exchange rules make it unambiguous.
     */
    public static Resolution resolve(String input) {
        if (input == null) {
            return new Resolution.Invalid("a symbol is required");
        }
        String s = input.strip();
        if (s.isEmpty() || s.length() > 16) {
            return new Resolution.Invalid("a symbol has 1 to 16 characters");
        }
        Matcher m = PREFIXED.matcher(s);
        if (m.matches()) {
            Optional<Market> market = marketOf(m.group(1));
            Optional<StockSymbol> symbol = market.flatMap(mk -> tryCreate(mk, m.group(2)));
            if (symbol.isPresent()) {
                return new Resolution.Resolved(symbol.get());
            }
        }
        Matcher x = SUFFIXED.matcher(s);
        if (x.matches()) {
            Optional<StockSymbol> symbol = marketOf(x.group(2)).flatMap(mk -> tryCreate(mk, x.group(1)));
            return symbol.<Resolution>map(Resolution.Resolved::new)
                    .orElseGet(() -> new Resolution.Invalid("'" + s + "' is not a valid code for its exchange"));
        }
        if (isAShareCode(s)) {
            List<StockSymbol> candidates = bareAShareCandidates(s);
            if (candidates.size() == 1) {
                return new Resolution.Resolved(candidates.get(0));
            }
            return candidates.isEmpty()
                    ? new Resolution.Invalid("no exchange lists 6-digit codes like '" + s + "'")
                    : new Resolution.Ambiguous(candidates);
        }
        return new Resolution.Invalid("'" + s + "' is not a symbol finnews can read (try sh601988, 00700.HK or AAPL.US)");
    }

    /** The exchanges a bare 6-digit code can belong to, by the exchanges' numbering rules. */
    static List<StockSymbol> bareAShareCandidates(String code) {
        if (code.startsWith("000")) {
            // Shanghai indices (上证指数 sh000001) share these numbers with Shenzhen main-board stocks.
            return List.of(new StockSymbol(Market.SH, code), new StockSymbol(Market.SZ, code));
        }
        if (code.startsWith("92") || code.startsWith("8") || code.startsWith("4")) {
            return List.of(new StockSymbol(Market.BJ, code));
        }
        char first = code.charAt(0);
        if (first == '6' || first == '5' || code.startsWith("900")) {
            return List.of(new StockSymbol(Market.SH, code));
        }
        if (first == '0' || first == '3' || first == '1' || code.startsWith("200")) {
            return List.of(new StockSymbol(Market.SZ, code));
        }
        return List.of();
    }

    private static Optional<Market> marketOf(String tag) {
        return switch (tag.toLowerCase(Locale.ROOT)) {
            case "sh", "ss" -> Optional.of(Market.SH);
            case "sz" -> Optional.of(Market.SZ);
            case "bj" -> Optional.of(Market.BJ);
            case "hk" -> Optional.of(Market.HK);
            case "us", "gb_", "n", "o" -> Optional.of(Market.US);
            default -> Optional.empty();
        };
    }

    private static Optional<StockSymbol> tryCreate(Market market, String code) {
        try {
            return Optional.of(new StockSymbol(market, code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String requireValid(boolean valid, String code) {
        if (!valid) {
            throw new IllegalArgumentException("not a valid code: " + code);
        }
        return code;
    }

    // The code checks run for every stock reference an article makes, so they test characters, not patterns.

    /** Six ASCII digits. */
    private static boolean isAShareCode(String code) {
        return code != null && code.length() == 6 && asciiDigits(code, 0) == 6;
    }

    /** One to five ASCII digits. */
    private static boolean isHkCode(String code) {
        return code != null && code.length() >= 1 && code.length() <= 5 && asciiDigits(code, 0) == code.length();
    }

    /** {@code [A-Za-z][A-Za-z0-9]{0,5}}, then optionally {@code .} or {@code -} and one or two letters: {@code BRK.B}. */
    private static boolean isUsTicker(String code) {
        if (code == null || code.isEmpty() || !isAsciiLetter(code.charAt(0))) {
            return false;
        }
        int i = 1;
        while (i < code.length() && (isAsciiLetter(code.charAt(i)) || isAsciiDigit(code.charAt(i)))) {
            i++;
        }
        if (i > 6) {
            return false;
        }
        if (i == code.length()) {
            return true;
        }
        char separator = code.charAt(i);
        int suffixLetters = code.length() - i - 1;
        if ((separator != '.' && separator != '-') || suffixLetters < 1 || suffixLetters > 2) {
            return false;
        }
        for (int k = i + 1; k < code.length(); k++) {
            if (!isAsciiLetter(code.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** How many ASCII digits {@code s} has in a row from {@code start}. */
    private static int asciiDigits(String s, int start) {
        int i = start;
        while (i < s.length() && isAsciiDigit(s.charAt(i))) {
            i++;
        }
        return i - start;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** The outcome of reading a user's symbol. */
    public sealed interface Resolution {
        record Resolved(StockSymbol symbol) implements Resolution {
        }

        record Ambiguous(List<StockSymbol> candidates) implements Resolution {
            public Ambiguous {
                candidates = List.copyOf(candidates);
            }
        }

        record Invalid(String reason) implements Resolution {
        }
    }
}
