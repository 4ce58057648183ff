package dev.finnews.parser;

import org.jsoup.parser.Parser;

/** Small text helpers shared by the front matter and body readers. */
final class TextCleaner {
    private static final char LAST_SPACE = '\u3000';
    /** {@link #isSpace} as one bit per character up to U+3000: text is mostly CJK, but quotes and dashes sit below. */
    private static final long[] SPACES = spaces();

    private TextCleaner() {
    }

    /**
     * Runs of any white space (including the U+3000 paragraph indent and no-break spaces) and control
     * characters become one ASCII space; leading and trailing ones are removed. Half a surrogate pair
     * (an entity such as {@code &#xD800;} decodes to one) becomes U+FFFD, so the result always encodes.
     */
    static String collapse(String text) {
        String collapsed = collapse(text, false);
        // one pass for the common case; only text holding a surrogate (pair or half) is checked and repaired
        return collapsed != null ? collapsed : collapse(wellFormed(text), true);
    }

    /** The collapsed text, or null when {@code surrogatesChecked} is false and the text holds a surrogate. */
    private static String collapse(String s, boolean surrogatesChecked) {
        int len = s.length();
        int start = 0;
        while (start < len && isSpace(s.charAt(start))) {
            start++;
        }
        int end = len;
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = null;
        int runStart = start;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!isSpace(c)) {
                if (!surrogatesChecked && Character.isSurrogate(c)) {
                    return null;
                }
                continue;
            }
            int spaceEnd = i + 1;
            while (isSpace(s.charAt(spaceEnd))) { // stops before end: the text there is not space
                spaceEnd++;
            }
            if (spaceEnd == i + 1 && s.charAt(i) == ' ') {
                i = spaceEnd - 1; // a single ASCII space is already collapsed
                continue;
            }
            if (out == null) {
                out = new StringBuilder(end - start);
            }
            out.append(s, runStart, i).append(' ');
            runStart = spaceEnd;
            i = spaceEnd - 1;
        }
        if (out == null) {
            return s.substring(start, end);
        }
        return out.append(s, runStart, end).toString();
    }

    /**
     * White space as {@link #collapse} sees it: ASCII white space, every Unicode space separator (U+3000,
     * no-break spaces, U+2000–U+200A…), and the C0 and C1 control characters and DEL, which are not text.
     */
    static boolean isSpace(char c) {
        // every non-ASCII space sits at or below U+3000, so the CJK text above it is rejected in one test
        return c <= LAST_SPACE && (SPACES[c >>> 6] & (1L << c)) != 0;
    }

    private static long[] spaces() {
        long[] bits = new long[(LAST_SPACE >>> 6) + 1];
        for (char c = 0; c <= LAST_SPACE; c++) {
            if (c <= ' ' || (c >= 0x7F && c <= 0x9F) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                bits[c >>> 6] |= 1L << c;
            }
        }
        return bits;
    }

    /**
     * A front matter value as a one-line field: line breaks and tabs become spaces, other control
     * characters are removed, half surrogate pairs become U+FFFD.
     */
    static String singleLine(String text) {
        String s = wellFormed(text);
        int i = 0;
        while (i < s.length() && !isControl(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') {
                out.append(' ');
            } else if (!isControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isControl(char c) {
        return c < ' ' || (c >= 0x7F && c <= 0x9F);
    }

    /** True when {@code s} holds half a surrogate pair, which no UTF encoding can write. */
    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    /** {@code s} with every half surrogate pair replaced by U+FFFD. */
    private static String wellFormed(String s) {
        if (!hasLoneSurrogate(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** Decodes HTML entities ({@code &#123;}, {@code &amp;}, {@code &lt;}) in a front matter value. */
    static String decodeEntities(String s) {
        return s.indexOf('&') < 0 ? s : Parser.unescapeEntities(s, false);
    }

    /** Whether every character is a digit of any script, as {@link Character#isDigit(char)} says. */
    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** At most {@code max} characters, never splitting a surrogate pair. */
    static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
