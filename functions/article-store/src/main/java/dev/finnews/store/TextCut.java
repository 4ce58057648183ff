package dev.finnews.store;

import java.nio.charset.StandardCharsets;

/** Cuts text to a UTF-8 byte budget without splitting a code point. */
public final class TextCut {
    private TextCut() {
    }

    /** The longest prefix of {@code s} whose UTF-8 encoding has at most {@code maxBytes} bytes. */
    public static String toUtf8Bytes(String s, int maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes < 0: " + maxBytes);
        }
        if (s.length() * 3L <= maxBytes) {
            return s; // even all three-byte characters fit; the common case costs nothing
        }
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int size = utf8Size(cp);
            if (bytes + size > maxBytes) {
                return s.substring(0, i);
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return s;
    }

    /** UTF-8 length of {@code s} in bytes. */
    public static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** At most {@code maxChars} characters, never ending inside a surrogate pair. */
    public static String toChars(String s, int maxChars) {
        if (s == null || s.length() <= maxChars) {
            return s;
        }
        int end = maxChars;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static int utf8Size(int cp) {
        if (cp < 0x80) {
            return 1;
        }
        if (cp < 0x800) {
            return 2;
        }
        if (Character.isSurrogate((char) cp) || cp < 0x10000) {
            return 3; // a lone surrogate is encoded as '?' by the JDK: one byte, counted as three to stay safe
        }
        return 4;
    }
}
