package dev.finnews.parser;

/**
 * Undoes the generator's quote damage in titles: it replaced {@code “} and {@code ”} (among other
 * characters) by {@code _}, so {@code 引_活水_} was {@code 引“活水”} wherever the body still quotes
 * {@code “活水”}. Other underscores stay as written.
 */
final class TitleRestorer {
    /** Quoted phrases are short; a longer stretch between underscores is not one. */
    private static final int MAX_PHRASE_CHARS = 40;
    /** Each attempt searches the body; a title full of underscores must not cost a search per pair. */
    private static final int MAX_ATTEMPTS = 8;

    private TitleRestorer() {
    }

    /** The restored title, or the same string when nothing could be restored. */
    static String restore(String title, String bodyText, String bodyMarkup) {
        if (title.indexOf('_') < 0) {
            return title;
        }
        StringBuilder out = new StringBuilder(title.length());
        int i = 0;
        int attempts = 0;
        while (i < title.length()) {
            char c = title.charAt(i);
            int close = c == '_' ? title.indexOf('_', i + 1) : -1;
            if (close > i + 1 && close - i - 1 <= MAX_PHRASE_CHARS && attempts++ < MAX_ATTEMPTS) {
                String quoted = "“" + title.substring(i + 1, close) + "”";
                if (bodyText.contains(quoted) || bodyMarkup.contains(quoted)) {
                    out.append(quoted);
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
