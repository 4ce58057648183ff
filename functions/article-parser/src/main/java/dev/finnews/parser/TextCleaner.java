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
            if (!isSpace(s.charAt(i))) {
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

    /** ASCII white space, and every Unicode space separator (U+3000, no-break spaces, U+2000–U+200A…). */
    static boolean isSpace(char c) {
        if (c <= 0x7F) {
            return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B;
        }
        // every non-ASCII space sits at or below U+3000, so the CJK text above it is rejected in one test
        return c <= 0x3000 && (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85);
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
