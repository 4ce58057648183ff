package dev.finnews.query;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict, single-pass percent decoding to UTF-8. Unlike {@link java.net.URLDecoder} it rejects a stray
 * {@code %}, a bad hex digit and bytes that are not UTF-8 instead of guessing, so a malformed request is
 * told so rather than matched against something it did not say.
 */
final class PercentDecoding {
    private PercentDecoding() {
    }

    /** Decodes a path segment: {@code %2F} is a slash inside the value, {@code +} is a plus. */
    static String pathSegment(String raw) {
        return decode(raw, false);
    }

    /** Decodes a query-string name or value in form style: {@code +} is a space. */
    static String formValue(String raw) {
        return decode(raw, true);
    }

    private static String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0) && raw.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
            return raw; // nothing to decode and nothing to check
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); ) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("'%' at position " + i + " is not followed by two hex digits");
                }
                int hi = hexValue(raw.charAt(i + 1));
                int lo = hexValue(raw.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("'%' at position " + i + " is not followed by two hex digits");
                }
                bytes.write(hi << 4 | lo);
                i += 3;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
                i++;
            } else {
                int cp = raw.codePointAt(i);
                if (Character.isSurrogate((char) cp) && cp < 0x10000) {
                    throw new IllegalArgumentException("a lone surrogate is not text");
                }
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i += Character.charCount(cp);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the percent-encoded bytes are not UTF-8");
        }
    }

    /** ASCII hex only: {@link Character#digit} would also read full-width and other scripts' digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
