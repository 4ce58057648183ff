package dev.finnews.parser;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Turns file bytes into text with {@code \n} line ends. Reads UTF-8 (with or without BOM), UTF-16 with a
 * BOM, and GB18030/GBK, which is detected from the bytes (never assumed, not even behind a UTF-8 BOM): a
 * file that is not valid UTF-8 but decodes cleanly as GB18030 into plausible Chinese text is GB18030.
 * UTF-16 without a BOM is recognised and refused as an unsupported encoding, not mistaken for binary.
 */
final class TextDecoder {
    private static final Optional<Charset> GB18030 = lookup("GB18030");
    /** Enough of the file's start to tell UTF-16 without a BOM from binary data. */
    private static final int UTF16_SAMPLE_BYTES = 4096;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private TextDecoder() {
    }

    /** The decoded text and whether it came from a charset other than UTF-8. */
    record DecodedText(String text, boolean transcoded) {
    }

    static DecodedText decode(byte[] bytes) throws ParseException {
        if (bytes.length == 0) {
            throw new ParseException(ErrorCode.EMPTY, "the file is empty");
        }
        ControlBytes controls = ControlBytes.count(bytes);
        Decoding decoded = decodeByBomOrDetection(bytes, controls);
        String text = normalizeLineEnds(decoded.text());
        boolean binary = decoded.exactUtf8() ? controls.looksBinary(text.length()) : looksBinary(text);
        if (binary) {
            throw new ParseException(ErrorCode.NOT_TEXT, "the file holds binary data, not text");
        }
        if (text.isBlank()) {
            throw new ParseException(ErrorCode.EMPTY, "the file holds only white space");
        }
        return new DecodedText(text, decoded.transcoded());
    }

    /**
     * The decoded text before line ends are normalised. {@code exactUtf8}: every byte decoded as UTF-8 without
     * replacement, so each control byte the {@link ControlBytes} counted is one control character of the text.
     */
    private record Decoding(String text, boolean transcoded, boolean exactUtf8) {
    }

    private static Decoding decodeByBomOrDetection(byte[] bytes, ControlBytes controls) throws ParseException {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            // a BOM is a claim, not proof: the bytes after it are checked like any others
            return detect(Arrays.copyOfRange(bytes, 3, bytes.length));
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoding(strict(StandardCharsets.UTF_16BE, bytes, 2, "UTF-16BE"), true, false);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoding(strict(StandardCharsets.UTF_16LE, bytes, 2, "UTF-16LE"), true, false);
        }
        Optional<String> utf16 = utf16WithoutBom(bytes, controls);
        if (utf16.isPresent()) {
            throw new ParseException(ErrorCode.UNSUPPORTED_ENCODING,
                    "the file is " + utf16.get() + " text without a byte order mark; finnews reads UTF-16 only with one");
        }
        return detect(bytes);
    }

    /** UTF-8, or GB18030/GBK when the bytes are not UTF-8 but decode as plausible Chinese. */
    private static Decoding detect(byte[] bytes) throws ParseException {
        String utf8 = new String(bytes, StandardCharsets.UTF_8);
        // The JDK decodes fast; only text with replacement characters needs the exact byte scan.
        if (utf8.indexOf('\uFFFD') < 0) {
            return new Decoding(utf8, false, true);
        }
        Utf8Scan scan = Utf8Scan.of(bytes);
        // Valid UTF-8, or a few broken sequences in a clearly UTF-8 file (a truncated character): not GBK.
        if (scan.invalid() == 0 || scan.multiByte() >= 10L * scan.invalid()) {
            return new Decoding(utf8, false, scan.invalid() == 0);
        }
        Optional<String> gb = GB18030.flatMap(cs -> tryStrict(cs, bytes)).filter(TextDecoder::plausibleChinese);
        if (gb.isPresent()) {
            return new Decoding(gb.get(), true, false);
        }
        if (controlShare(bytes) > 0.02) {
            throw new ParseException(ErrorCode.NOT_TEXT, "the file holds binary data, not text");
        }
        throw new ParseException(ErrorCode.UNSUPPORTED_ENCODING,
                "the file is neither UTF-8, UTF-16 with BOM nor GB18030/GBK text");
    }

    /**
     * The name of the UTF-16 form the file is written in without a BOM, if it is: every ASCII character
     * then has a zero byte on the same side (odd offsets little-endian, even ones big-endian), which
     * neither UTF-8 text nor GB18030 ever has, and the start decodes to text without control characters.
     */
    private static Optional<String> utf16WithoutBom(byte[] bytes, ControlBytes controls) {
        int n = Math.min(bytes.length, UTF16_SAMPLE_BYTES) & ~1;
        if (n > 0 && !controls.hasZeroBefore(n)) {
            return Optional.empty(); // nearly every file: UTF-16 of any text has zero bytes
        }
        int zerosEven = 0;
        int zerosOdd = 0;
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                if ((i & 1) == 0) {
                    zerosEven++;
                } else {
                    zerosOdd++;
                }
            }
        }
        int units = n / 2;
        Charset charset;
        if (zerosOdd * 4 >= units && zerosEven * 50 <= units) {
            charset = StandardCharsets.UTF_16LE;
        } else if (zerosEven * 4 >= units && zerosOdd * 50 <= units) {
            charset = StandardCharsets.UTF_16BE;
        } else {
            return Optional.empty();
        }
        String sample = new String(bytes, 0, n, charset);
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                return Optional.empty(); // binary with a regular layout, not text
            }
        }
        return Optional.of(charset.name());
    }

    private static String strict(Charset charset, byte[] bytes, int offset, String name) throws ParseException {
        return tryStrict(charset, ByteBuffer.wrap(bytes, offset, bytes.length - offset)).orElseThrow(
                () -> new ParseException(ErrorCode.UNSUPPORTED_ENCODING, "the file has a " + name + " BOM but is not valid " + name));
    }

    private static Optional<String> tryStrict(Charset charset, byte[] bytes) {
        return tryStrict(charset, ByteBuffer.wrap(bytes));
    }

    private static Optional<String> tryStrict(Charset charset, ByteBuffer in) {
        try {
            CharBuffer out = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in);
            return Optional.of(out.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** GB18030 maps most byte pairs to something; real Chinese text is mostly common characters. */
    private static boolean plausibleChinese(String s) {
        int plausible = 0;
        int total = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            total++;
            boolean ok = (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t'
                    || (c >= 0x4E00 && c <= 0x9FFF)   // CJK unified ideographs
                    || (c >= 0x3000 && c <= 0x303F)   // CJK punctuation
                    || (c >= 0xFF00 && c <= 0xFFEF)   // full-width forms
                    || (c >= 0x2010 && c <= 0x2027);  // dashes, quotes, ellipsis
            if (ok) {
                plausible++;
            }
        }
        return total > 0 && plausible >= total * 0.95;
    }

    /** Binary data, not text: a NUL, or more than a few control characters. */
    private static boolean looksBinary(String text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\n' && c != '\t' && c != '\f') {
                controls++;
            }
        }
        return controls > 8 && controls > text.length() / 100;
    }

    private static double controlShare(byte[] bytes) {
        int controls = 0;
        for (byte b : bytes) {
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                controls++;
            }
        }
        return controls / (double) bytes.length;
    }

    private static String normalizeLineEnds(String s) {
        if (s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Charset> lookup(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a JDK without the extended charsets reads UTF-8 and UTF-16 only
        }
    }

    /**
     * The safety checks' one pass over the raw bytes: where the first zero byte is (UTF-16 without a BOM and
     * binary data have them) and how many other control bytes there are. Line breaks, tabs, form feeds and
     * carriage returns are text, not controls. Eight bytes are tested at once, since text has few controls.
     */
    record ControlBytes(int firstZero, int controls) {
        private static final long ONES = 0x0101010101010101L;
        private static final long HIGH_BITS = 0x8080808080808080L;

        static ControlBytes count(byte[] bytes) {
            int firstZero = -1;
            int controls = 0;
            int i = 0;
            while (i < bytes.length) {
                if (i + Long.BYTES <= bytes.length && noneBelowSpace((long) LONGS.get(bytes, i))) {
                    i += Long.BYTES;
                    continue;
                }
                for (int end = Math.min(i + Long.BYTES, bytes.length); i < end; i++) {
                    byte b = bytes[i];
                    if (b == 0) {
                        firstZero = firstZero < 0 ? i : firstZero;
                    } else if (b > 0 && b < 0x20 && b != '\n' && b != '\t' && b != '\f' && b != '\r') {
                        controls++;
                    }
                }
            }
            return new ControlBytes(firstZero, controls);
        }

        boolean hasZeroBefore(int n) {
            return firstZero >= 0 && firstZero < n;
        }

        /** Whether none of the eight bytes is below 0x20 (a byte at or above 0x80 never counts as below). */
        private static boolean noneBelowSpace(long eightBytes) {
            return ((eightBytes - 0x20 * ONES) & ~eightBytes & HIGH_BITS) == 0;
        }

        /**
         * The binary verdict of {@link TextDecoder#looksBinary} for a text whose control characters are
         * exactly these bytes, {@code textLength} characters long once its line ends are normalised.
         */
        boolean looksBinary(int textLength) {
            return firstZero >= 0 || (controls > 8 && controls > textLength / 100);
        }
    }

    /** Counts of well-formed multi-byte sequences and of bytes that break UTF-8. */
    record Utf8Scan(long multiByte, long invalid) {
        static Utf8Scan of(byte[] b) {
            long multi = 0;
            long invalid = 0;
            int i = 0;
            while (i < b.length) {
                int c = b[i] & 0xFF;
                int len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
                if (len == 1) {
                    i++;
                    continue;
                }
                if (len == 0 || i + len > b.length || !continuations(b, i + 1, len - 1) || overlongOrSurrogate(b, i, c)) {
                    invalid++;
                    i++;
                    continue;
                }
                multi++;
                i += len;
            }
            return new Utf8Scan(multi, invalid);
        }

        private static boolean continuations(byte[] b, int from, int count) {
            for (int k = from; k < from + count; k++) {
                if ((b[k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            return true;
        }

        private static boolean overlongOrSurrogate(byte[] b, int i, int lead) {
            int second = b[i + 1] & 0xFF;
            return (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F)
                    || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F);
        }
    }
}
