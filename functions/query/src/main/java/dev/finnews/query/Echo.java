package dev.finnews.query;

/** Client input quoted back in an error message, cut short so a huge value cannot bloat the answer. */
final class Echo {
    private static final int MAX_CHARS = 64;

    private Echo() {
    }

    static String quote(String input) {
        if (input == null) {
            return "''";
        }
        int end = input.offsetByCodePoints(0, Math.min(MAX_CHARS, input.codePointCount(0, input.length())));
        return "'" + input.substring(0, end) + (end < input.length() ? "…" : "") + "'";
    }
}
