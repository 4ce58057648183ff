package dev.finnews.parser;

import org.jsoup.parser.Parser;

/** Small text helpers shared by the front matter and body readers. */
final class TextCleaner {
    private TextCleaner() {
    }

    /**
     * Runs of any white space (including the U+3000 paragraph indent and no-break spaces) become one
     * ASCII space; leading and trailing white space is removed.
     */
    static String collapse(String s) {
        StringBuilder out = null;
        boolean pendingSpace = false;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                pendingSpace = true;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(len - i);
            } else if (pendingSpace) {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(c);
        }
        return out == null ? "" : out.toString();
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\u3000' || c == '\u00A0'
                || (c > 0x7F && (Character.isWhitespace(c) || Character.isSpaceChar(c)));
    }

    /** Decodes HTML entities ({@code &#123;}, {@code &amp;}, {@code &lt;}) in a front matter value. */
    static String decodeEntities(String s) {
        return s.indexOf('&') < 0 ? s : Parser.unescapeEntities(s, false);
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
