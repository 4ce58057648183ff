package dev.finnews.parser;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * The two parts of an article file: the front matter between two {@code ---} lines and the HTML body
 * after them. The generator writes an empty line before the first {@code ---}, so leading blank lines
 * are allowed. The body stays where it is in the file's text, from {@code bodyStart} on: it is most of
 * the file, and jsoup reads it from there without a copy.
 */
record FileLayout(String frontMatter, String text, int bodyStart) {
    private static final String DELIMITER = "---";

    /** The body as a string of its own. */
    String body() {
        return text.substring(bodyStart);
    }

    /** The body as jsoup reads it, straight out of the file's text. */
    Reader bodyReader() {
        StringReader reader = new StringReader(text);
        try {
            reader.skip(bodyStart);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // declared by Reader; an open StringReader never throws it
        }
        return reader;
    }

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
                return new FileLayout(text.substring(openEnd + 1, lineStart), text, Math.min(end + 1, text.length()));
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
