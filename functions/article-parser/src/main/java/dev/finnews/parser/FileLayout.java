package dev.finnews.parser;

/**
 * The two parts of an article file: the front matter between two {@code ---} lines and the HTML body
 * after them. The generator writes an empty line before the first {@code ---}, so leading blank lines
 * are allowed.
 */
record FileLayout(String frontMatter, String body) {
    private static final String DELIMITER = "---";

    static FileLayout split(String text) throws ParseException {
        int start = skipBlankLines(text);
        int openEnd = lineEnd(text, start);
        if (!isDelimiter(text, start, openEnd)) {
            throw new ParseException(ErrorCode.NO_FRONT_MATTER, "the file does not start with a '---' front matter block");
        }
        int lineStart = openEnd + 1;
        while (lineStart <= text.length()) {
            int end = lineEnd(text, lineStart);
            if (isDelimiter(text, lineStart, end)) {
                String body = end >= text.length() ? "" : text.substring(end + 1);
                return new FileLayout(text.substring(openEnd + 1, lineStart), body);
            }
            lineStart = end + 1;
        }
        throw new ParseException(ErrorCode.BAD_FRONT_MATTER, "the front matter is never closed by a '---' line");
    }

    private static int skipBlankLines(String text) {
        int lineStart = 0;
        while (lineStart < text.length()) {
            int end = lineEnd(text, lineStart);
            if (!isBlank(text, lineStart, end)) {
                return lineStart;
            }
            lineStart = end + 1;
        }
        return text.length();
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    /** Whether the line is {@code ---} and trailing white space; read in place, not copied per line. */
    private static boolean isDelimiter(String text, int start, int end) {
        return end - start >= DELIMITER.length() && text.startsWith(DELIMITER, start)
                && isBlank(text, start + DELIMITER.length(), end);
    }

    /** {@link String#isBlank} of a region, read in place (no white space is a surrogate, so chars suffice). */
    private static boolean isBlank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
