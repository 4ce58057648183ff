package dev.finnews.query;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The raw material of abuse: hostile strings, random text of every character class, and the ways to
 * put a value on the wire, correctly or not (percent-encoding, form encoding, raw, malformed,
 * overlong UTF-8, encoded and raw lone surrogates, NUL and control characters).
 */
final class HostileText {
    static final int HUGE = 10 * 1024;

    /** Injection, traversal, markup, control and odd Unicode: values no parameter should choke on. */
    static final List<String> STRINGS = List.of(
            "", " ", "\t", "'", "\"", "`", "\\", "' OR '1'='1", "1 OR 1=1", "1; DROP TABLE finnews-articles;--",
            "\" OR \"\"=\"", "admin'--", "#pk", ":pk", "#pk = :pk", ":lo", "#sk BETWEEN :lo AND :hi", ")", "(", "))",
            "attribute_exists(pk)", "begins_with(sk, :x)", "size(pk) > :z", "pk = :pk OR 1=1", "L#ALL", "COUNT#CAT",
            "A#", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "<%= 7*7 %>", "%s%s%s%n", "../", "../../../../etc/passwd",
            "..\\..\\windows\\win.ini", "/", "//", ".", "..", "%2e%2e", "~", "\u0000", "a\u0000b", "\u0001\u0002\u001f\u007f",
            "\r\n", "\r\nX-Injected: 1", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&amp;", "&#60;",
            "javascript:alert(1)", "\u2028\u2029", "\uFEFF", "\u200B", "\u202Eevil", "\uFFFF", "\uFFFD", "😀", "𠀀",
            "ｓｈ６０１９８８", "null", "undefined", "NaN", "true", "[]", "{}", "0", "-1", "__proto__", "constructor");

    /** Percent sequences that are not valid UTF-8 (or not percent-encoding at all), and raw characters no URL holds. */
    static final List<String> MALFORMED = List.of(
            "%", "%%", "%G0", "%0", "%0G", "%-1", "%C0%AF", "%C0%80", "%C1%BF", "%E0%80%AF", "%F0%80%80%AF", "%ED%A0%80",
            "%ED%BF%BF", "%ED%A0%BD%ED%B8%80", "%F4%90%80%80", "%F8%88%80%80%80", "%FF", "%FE", "%C3", "%C3%28", "%E2%82",
            "%80", "\uD800", "\uDFFF", "\uDC00x");

    /** Raw characters that are legal Java text but have no business in a request line. */
    static final List<String> RAW_ODDITIES = List.of("\u0000", "\u0007", "\u007F", "\r\n", " ", "\t", "#", "?", "\u00A0", "\u3000");

    private final SplittableRandom random;

    HostileText(SplittableRandom random) {
        this.random = random;
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    int between(int lo, int hiInclusive) {
        return lo + random.nextInt(hiInclusive - lo + 1);
    }

    String hostile() {
        return pick(STRINGS);
    }

    /** Random text from every class: ASCII, controls, CJK, astral, combining, full-width, specials, lone surrogates. */
    String junk(int maxChars) {
        int n = random.nextInt(maxChars + 1);
        StringBuilder s = new StringBuilder(n * 2);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(9)) {
                case 0, 1 -> s.append((char) between(0x20, 0x7E));
                case 2 -> s.append((char) (random.nextBoolean() ? between(0, 0x1F) : 0x7F));
                case 3 -> s.append((char) between(0x4E00, 0x9FFF));
                case 4 -> s.appendCodePoint(between(0x1F300, 0x1F64F));
                case 5 -> s.append((char) between(0x0300, 0x036F));
                case 6 -> s.append((char) between(0xFF01, 0xFF5E));
                case 7 -> s.append(pick(List.of("\uFEFF", "\u200B", "\u202E", "\u2028", "\uFFFF", "\uFFFD", "\u00A0", "\u3000")));
                default -> s.append((char) between(0xD800, 0xDFFF));
            }
        }
        return s.toString();
    }

    /** About {@link #HUGE} bytes of one kind of text: ASCII, 3-byte CJK or 4-byte emoji. */
    String huge() {
        return switch (random.nextInt(3)) {
            case 0 -> "A".repeat(HUGE);
            case 1 -> "中".repeat(HUGE / 3);
            default -> "😀".repeat(HUGE / 4);
        };
    }

    /** A string of exactly {@code chars} characters (code points) of one random class. */
    String ofLength(int chars) {
        String unit = pick(List.of("a", "Z", "9", "中", "😀", "é", "-"));
        return unit.repeat(Math.max(0, chars));
    }

    /** {@code value} with a hostile twist: padding, a control character, case, or a hostile suffix. */
    String twist(String value) {
        return switch (random.nextInt(7)) {
            case 0 -> " " + value + " ";
            case 1 -> value + "\u0000";
            case 2 -> value.toUpperCase(Locale.ROOT);
            case 3 -> value + hostile();
            case 4 -> hostile() + value;
            case 5 -> value + value;
            default -> value.isEmpty() ? value : value.substring(0, random.nextInt(value.length()));
        };
    }

    // ---- putting values on the wire ---------------------------------------------------------------

    /** Correct UTF-8 percent-encoding of everything but unreserved characters. */
    static String encode(String value) {
        return Fixtures.encode(value);
    }

    /** Correct form encoding (space as {@code +}), as browsers send query values. */
    static String formEncode(String value) {
        return encode(value).replace("%20", "+");
    }

    /** Any way a client might send {@code value}, including wrong ones. */
    String wire(String value, boolean pathSegment) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> encode(value);
            case 4 -> pathSegment ? encode(value).toLowerCase(Locale.ROOT) : formEncode(value);
            case 5 -> value; // raw: '/', '&', '=', '%', controls and all
            case 6 -> encode(encode(value)); // double encoding decodes once to the encoded text
            case 7 -> lowerHex(encode(value));
            default -> malform(encode(value));
        };
    }

    /** A malformed or overlong sequence, or a raw odd character, spliced in at a random place. */
    String malform(String encoded) {
        String bad = chance(80) ? pick(MALFORMED) : pick(RAW_ODDITIES);
        int at = randomBoundary(encoded);
        return encoded.substring(0, at) + bad + encoded.substring(at);
    }

    /** A position in {@code s} that does not split a percent triplet or a surrogate pair. */
    private int randomBoundary(String s) {
        int at = random.nextInt(s.length() + 1);
        while (at > 0 && at < s.length() && (s.charAt(at - 1) == '%' || (at > 1 && s.charAt(at - 2) == '%')
                || Character.isLowSurrogate(s.charAt(at)))) {
            at--;
        }
        return at;
    }

    private static String lowerHex(String encoded) {
        StringBuilder out = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            boolean hexDigitOfTriplet = (i >= 1 && encoded.charAt(i - 1) == '%') || (i >= 2 && encoded.charAt(i - 2) == '%');
            out.append(hexDigitOfTriplet ? Character.toLowerCase(c) : c);
        }
        return out.toString();
    }

    /** Random bytes as a base64url string of {@code chars} characters. */
    String base64url(int chars) {
        byte[] bytes = new byte[chars];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        String s = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return s.substring(0, Math.min(chars, s.length()));
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
