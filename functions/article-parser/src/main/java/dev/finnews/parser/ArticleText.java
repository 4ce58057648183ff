package dev.finnews.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The article's own text, cleaned: one line per paragraph, white space collapsed, U+3000 indents gone,
 * credit and promo lines removed (their origin and editor kept).
 *
 * @param paragraphs the text paragraphs in order
 * @param origin     the media named by a {@code 来源：} line, or null
 * @param editor     the name from a {@code 责任编辑：} line, or null
 */
record ArticleText(List<String> paragraphs, String origin, String editor) {
    ArticleText {
        paragraphs = List.copyOf(paragraphs);
    }

    static ArticleText of(List<BodyReader.RawParagraph> raw, boolean plainText) {
        List<String> kept = new ArrayList<>();
        String origin = null;
        String editor = null;
        for (BodyReader.RawParagraph p : raw) {
            for (String line : lines(p, plainText)) {
                CreditLines.Kind kind = CreditLines.classify(line);
                if (kind instanceof CreditLines.Kind.Text) {
                    kept.add(line);
                } else if (kind instanceof CreditLines.Kind.Origin o && origin == null) {
                    origin = o.media();
                } else if (kind instanceof CreditLines.Kind.Editor e && editor == null) {
                    editor = e.name();
                }
                // other credit lines are about the article, not part of it: dropped
            }
        }
        return new ArticleText(kept, origin, editor);
    }

    /** The paragraphs joined by {@code \n}. */
    String text() {
        return String.join("\n", paragraphs);
    }

    /** Preformatted blocks and plain-text feeds keep their line breaks; in HTML a line break is a space. */
    private static List<String> lines(BodyReader.RawParagraph p, boolean plainText) {
        if (!p.preformatted() && !plainText) {
            String line = TextCleaner.collapse(p.text());
            return line.isEmpty() ? List.of() : List.of(line);
        }
        List<String> out = new ArrayList<>();
        for (String line : p.text().split("\n")) {
            String l = TextCleaner.collapse(line);
            if (!l.isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }
}
