package dev.finnews.parser;

import dev.finnews.article.Market;
import dev.finnews.article.StockSymbol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ways article markup names a stock: Sina span ids, quote page links, the
 * {@code news_keyword_pub} comment, 证券时报 hot-word links and codes written in text. Every pattern
 * is anchored or bounded, so no input makes them backtrack for long.
 */
final class StockReferences {
    /** Quote page paths, then {@code (sh|sz|bj)} + 6 digits + {@code /}; ASCII case ignored. */
    private static final String A_SHARE_PATH = "/realstock/company/";
    /** Then 4 or 5 digits + {@code .html}; ASCII case ignored. */
    private static final String HK_PATH = "/hkstock/quotes/";
    /** Then a ticker ({@code [A-Za-z][A-Za-z0-9.]{0,9}}) + {@code .html}; case as written. */
    private static final String US_PATH = "/usstock/quotes/";
    private static final int MAX_US_TICKER_CHARS = 10;
    private static final Pattern STOCKCODE_PARAM = Pattern.compile("[?&]stockcode=([A-Za-z]{2}\\d{5,6})(?![0-9])");
    private static final int MAX_ID_CHARS = 40;
    private static final int MAX_HREF_CHARS = 2000;

    private StockReferences() {
    }

    /** Sina span ids: {@code stock_sh601988}, {@code hkstock_hk00700}, {@code usstock_AAPL}, {@code quote_…}. */
    static Optional<StockSymbol> fromSpanId(String id) {
        if (id.length() > MAX_ID_CHARS) {
            return Optional.empty();
        }
        if (id.startsWith("stock_")) {
            return prefixed(id.substring("stock_".length()));
        }
        if (id.startsWith("hkstock_")) {
            return inMarket(Market.HK, stripPrefix(id.substring("hkstock_".length()), "hk"));
        }
        if (id.startsWith("usstock_")) {
            return inMarket(Market.US, id.substring("usstock_".length()));
        }
        if (id.startsWith("quote_")) {
            String rest = id.substring("quote_".length());
            Optional<StockSymbol> p = prefixed(rest);
            if (p.isPresent()) {
                return p;
            }
            // Sina writes US quotes as the bare ticker (quote_TSLA) and Hong Kong ones as five digits.
            if ((rest.length() == 4 || rest.length() == 5) && asciiDigits(rest, 0, rest.length()) == rest.length()) {
                return inMarket(Market.HK, rest);
            }
            return isBareUsQuote(rest) ? inMarket(Market.US, rest) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Quote page links on Sina's stock pages: the first A-share link, else the first Hong Kong one, else the
     * first US one. Read by hand, not by patterns: this runs for every link of every body.
     */
    static Optional<StockSymbol> fromHref(String href) {
        // every quote page path holds "stock/" (realstock, hkstock, usstock): most links skip the search
        if (href.length() > MAX_HREF_CHARS || !holdsStockSlash(href)) {
            return Optional.empty();
        }
        String aShare = aShareLinkSymbol(href);
        if (aShare != null) {
            return prefixed(aShare);
        }
        String hk = hkLinkCode(href);
        if (hk != null) {
            return inMarket(Market.HK, hk);
        }
        String us = usLinkTicker(href);
        return us == null ? Optional.empty() : inMarket(Market.US, us);
    }

    /** {@code sh601988} from the first {@code /realstock/company/sh601988/}, or null. */
    private static String aShareLinkSymbol(String href) {
        for (int at = indexOfAsciiIgnoreCase(href, A_SHARE_PATH, 0); at >= 0; at = indexOfAsciiIgnoreCase(href, A_SHARE_PATH, at + 1)) {
            int start = at + A_SHARE_PATH.length();
            int end = start + 8;
            boolean exchange = regionMatchesAsciiIgnoreCase(href, start, "sh") || regionMatchesAsciiIgnoreCase(href, start, "sz")
                    || regionMatchesAsciiIgnoreCase(href, start, "bj");
            if (exchange && asciiDigits(href, start + 2, end) == 6 && end < href.length() && href.charAt(end) == '/') {
                return href.substring(start, end);
            }
        }
        return null;
    }

    /** {@code 00700} from the first {@code /hkstock/quotes/00700.html} (4 or 5 digits), or null. */
    private static String hkLinkCode(String href) {
        for (int at = indexOfAsciiIgnoreCase(href, HK_PATH, 0); at >= 0; at = indexOfAsciiIgnoreCase(href, HK_PATH, at + 1)) {
            int start = at + HK_PATH.length();
            int digits = asciiDigits(href, start, start + 6);
            if ((digits == 4 || digits == 5) && regionMatchesAsciiIgnoreCase(href, start + digits, ".html")) {
                return href.substring(start, start + digits);
            }
        }
        return null;
    }

    /**
     * {@code BRK.B} from the first {@code /usstock/quotes/BRK.B.html}, or null: the longest ticker that
     * {@code .html} follows, since a ticker may hold dots.
     */
    private static String usLinkTicker(String href) {
        for (int at = href.indexOf(US_PATH); at >= 0; at = href.indexOf(US_PATH, at + 1)) {
            int start = at + US_PATH.length();
            if (start >= href.length() || !isAsciiLetter(href.charAt(start))) {
                continue;
            }
            int end = start + 1;
            while (end < href.length() && end - start < MAX_US_TICKER_CHARS && isTickerChar(href.charAt(end))) {
                end++;
            }
            for (; end > start; end--) {
                if (href.startsWith(".html", end)) {
                    return href.substring(start, end);
                }
            }
        }
        return null;
    }

    /** A 证券时报 hot word: its {@code stockcode} parameter, else its {@code code} attribute. */
    static Optional<StockSymbol> fromHotWord(String href, String code) {
        if (href.length() <= MAX_HREF_CHARS) {
            Matcher m = STOCKCODE_PARAM.matcher(href);
            if (m.find()) {
                Optional<StockSymbol> s = prefixed(m.group(1));
                if (s.isPresent()) {
                    return s;
                }
            }
        }
        String c = code.strip();
        if (c.length() != 6 || !TextCleaner.allDigits(c)) {
            return prefixed(c);
        }
        StockSymbol.Resolution r = StockSymbol.resolve(c);
        if (r instanceof StockSymbol.Resolution.Resolved ok) {
            return Optional.of(ok.symbol());
        }
        // Hot words link companies, so an ambiguous 000xxx code is the Shenzhen stock, not the Shanghai index.
        if (r instanceof StockSymbol.Resolution.Ambiguous a) {
            return a.candidates().stream().filter(s -> s.market() == Market.SZ).findFirst();
        }
        return Optional.empty();
    }

    /**
     * The symbols of a {@code news_keyword_pub,KIND,CODE&CODE} comment for stock kinds ({@code stock},
     * {@code hkstock}, {@code usstock}); empty for other kinds.
     */
    static List<StockSymbol> fromKeywordComment(String kind, List<String> codes) {
        List<StockSymbol> out = new ArrayList<>();
        for (String code : codes) {
            Optional<StockSymbol> s = switch (kind) {
                case "stock" -> prefixed(code);
                case "hkstock" -> inMarket(Market.HK, stripPrefix(code, "hk"));
                case "usstock" -> inMarket(Market.US, stripPrefix(code, "gb_"));
                default -> Optional.empty();
            };
            s.ifPresent(out::add);
        }
        return out;
    }

    /**
     * Codes written with an exchange suffix in a title or text, in order of appearance: {@code 600968.SH},
     * {@code 000858.SZ}, {@code 600000.SS}, {@code 838275.BJ} and {@code 00700.HK} not inside a longer
     * number or word; US tickers only in brackets with an explicit suffix ({@code （AAPL.US）},
     * {@code (BABA.N)}, {@code (PDD.O)}). One scan from dot to dot, so long texts stay cheap.
     */
    static List<StockSymbol> inText(String text) {
        List<StockSymbol> out = new ArrayList<>();
        for (int dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
            int suffixEnd = dot + 1;
            while (suffixEnd < text.length() && suffixEnd - dot <= 3 && isAsciiLetter(text.charAt(suffixEnd))) {
                suffixEnd++;
            }
            if (suffixEnd == dot + 1 || (suffixEnd < text.length() && isAsciiLetterOrDigit(text.charAt(suffixEnd)))) {
                continue;
            }
            String suffix = text.substring(dot + 1, suffixEnd);
            codeBefore(text, dot, suffix, suffixEnd).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<StockSymbol> codeBefore(String text, int dot, String suffix, int suffixEnd) {
        int start = dot;
        while (start > 0 && dot - start < 7 && Character.isDigit(text.charAt(start - 1)) && text.charAt(start - 1) < 0x80) {
            start--;
        }
        int digits = dot - start;
        boolean bounded = start == 0 || !(isAsciiLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '.');
        String code = text.substring(start, dot);
        switch (suffix.toUpperCase(Locale.ROOT)) {
            case "SH", "SS" -> {
                return digits == 6 && bounded ? inMarket(Market.SH, code) : Optional.empty();
            }
            case "SZ" -> {
                return digits == 6 && bounded ? inMarket(Market.SZ, code) : Optional.empty();
            }
            case "BJ" -> {
                return digits == 6 && bounded ? inMarket(Market.BJ, code) : Optional.empty();
            }
            case "HK" -> {
                return (digits == 4 || digits == 5) && bounded ? inMarket(Market.HK, code) : Optional.empty();
            }
            default -> {
                return bracketedUsTicker(text, dot, suffix, suffixEnd);
            }
        }
    }

    private static Optional<StockSymbol> bracketedUsTicker(String text, int dot, String suffix, int suffixEnd) {
        if (!(suffix.equals("US") || suffix.equals("N") || suffix.equals("O"))
                || suffixEnd >= text.length() || !isClosingBracket(text.charAt(suffixEnd))) {
            return Optional.empty();
        }
        int start = dot;
        while (start > 0 && dot - start < 6 && isUpperOrDigit(text.charAt(start - 1))) {
            start--;
        }
        if (start == dot || start == 0 || !isOpeningBracket(text.charAt(start - 1)) || Character.isDigit(text.charAt(start))) {
            return Optional.empty();
        }
        return inMarket(Market.US, text.substring(start, dot));
    }

    /** Whether {@code s} holds {@code stock/} in any case; only the five characters before each {@code /} are compared. */
    private static boolean holdsStockSlash(String s) {
        for (int slash = s.indexOf('/', 5); slash >= 0; slash = s.indexOf('/', slash + 1)) {
            if (s.regionMatches(true, slash - 5, "stock", 0, 5)) {
                return true;
            }
        }
        return false;
    }

    /** The first index from {@code from} where {@code s} holds {@code lowerAscii}, ASCII letters in any case; or -1. */
    private static int indexOfAsciiIgnoreCase(String s, String lowerAscii, int from) {
        for (int i = from; i + lowerAscii.length() <= s.length(); i++) {
            if (regionMatchesAsciiIgnoreCase(s, i, lowerAscii)) {
                return i;
            }
        }
        return -1;
    }

    /** As a {@link Pattern#CASE_INSENSITIVE} pattern compares: only ASCII letters match their other case. */
    private static boolean regionMatchesAsciiIgnoreCase(String s, int at, String lowerAscii) {
        if (at + lowerAscii.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < lowerAscii.length(); k++) {
            char c = s.charAt(at + k);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lowerAscii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** How many of the characters from {@code start} up to {@code max} are ASCII digits, in a row. */
    private static int asciiDigits(String s, int start, int max) {
        int i = start;
        while (i < max && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - start;
    }

    /** {@code [A-Z]{1,5}(?:\.[A-Z])?}: {@code TSLA}, {@code BRK.B}. */
    private static boolean isBareUsQuote(String s) {
        int letters = 0;
        while (letters < s.length() && s.charAt(letters) >= 'A' && s.charAt(letters) <= 'Z') {
            letters++;
        }
        if (letters < 1 || letters > 5) {
            return false;
        }
        return letters == s.length() || (letters + 2 == s.length() && s.charAt(letters) == '.'
                && s.charAt(letters + 1) >= 'A' && s.charAt(letters + 1) <= 'Z');
    }

    private static boolean isTickerChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '.';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    private static boolean isUpperOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isOpeningBracket(char c) {
        return c == '(' || c == '（';
    }

    private static boolean isClosingBracket(char c) {
        return c == ')' || c == '）';
    }

    /** Exactly {@code sh|sz|bj} + 6 digits, {@code hk} + digits, {@code us|gb_} + ticker; case-insensitive. */
    private static Optional<StockSymbol> prefixed(String s) {
        if (s.length() < 3) {
            return Optional.empty();
        }
        String p = s.substring(0, 2).toLowerCase(Locale.ROOT);
        return switch (p) {
            case "sh" -> inMarket(Market.SH, s.substring(2));
            case "sz" -> inMarket(Market.SZ, s.substring(2));
            case "bj" -> inMarket(Market.BJ, s.substring(2));
            case "hk" -> inMarket(Market.HK, s.substring(2));
            case "us" -> inMarket(Market.US, s.substring(2));
            case "gb" -> s.length() > 3 && s.charAt(2) == '_' ? inMarket(Market.US, s.substring(3)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<StockSymbol> inMarket(Market market, String code) {
        try {
            return Optional.of(new StockSymbol(market, code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String stripPrefix(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length()) ? s.substring(prefix.length()) : s;
    }
}
