package dev.finnews.parser;

import java.util.List;

/**
 * A short lead from the article's first paragraphs: the whole text when it is short, else cut at the
 * last sentence end between {@value #MIN_CHARS} and {@value #MAX_CHARS} characters.
 */
final class Summary {
    static final int MIN_CHARS = 120;
    static final int MAX_CHARS = 200;
    /** How far past the maximum a sentence may run before it is cut mid-way. */
    private static final int OVERRUN_CHARS = 60;

    private Summary() {
    }

    static String of(List<String> paragraphs) {
        String lead = lead(paragraphs, MAX_CHARS + OVERRUN_CHARS);
        if (lead.length() <= MAX_CHARS) {
            return lead;
        }
        int best = -1;
        for (int i = 0; i < lead.length(); i++) {
            int end = sentenceEndAt(lead, i);
            if (end < 0) {
                continue;
            }
            if (end <= MAX_CHARS) {
                best = end;
            } else if (best < MIN_CHARS) {
                best = end; // no sentence ends inside the window: take the first one after it
                break;
            } else {
                break;
            }
        }
        if (best > 0) {
            return lead.substring(0, best).strip();
        }
        return TextCleaner.truncate(lead, MAX_CHARS).strip() + "…";
    }

    /** The paragraphs joined into one line, up to {@code limit} characters (plus one to know there is more). */
    private static String lead(List<String> paragraphs, int limit) {
        // truncate(…, limit + 1) reads at most limit + 2 characters: a long first paragraph is not copied whole
        int kept = limit + 2;
        StringBuilder b = new StringBuilder(kept);
        for (String p : paragraphs) {
            if (b.length() > limit) {
                break;
            }
            if (b.length() > 0 && needsSpace(b.charAt(b.length() - 1))) {
                b.append(' ');
            }
            b.append(p, 0, Math.min(p.length(), kept - b.length()));
        }
        return b.length() > limit + 1 ? TextCleaner.truncate(b.toString(), limit + 1) : b.toString();
    }

    /** After closing punctuation Chinese runs on; otherwise (a heading, a Latin word) a space separates. */
    private static boolean needsSpace(char before) {
        boolean cjkPunctuation = (before >= 0x3000 && before <= 0x303F) || (before >= 0xFF00 && before <= 0xFFEF);
        return !cjkPunctuation && !isSentenceEnd(before) && !isCloser(before);
    }

    /** The index just past the sentence ending at {@code i} (with its closing quotes), or -1. */
    private static int sentenceEndAt(String s, int i) {
        char c = s.charAt(i);
        boolean end = isSentenceEnd(c) || (c == '.' && (i + 1 == s.length() || s.charAt(i + 1) == ' '));
        if (!end) {
            return -1;
        }
        int j = i + 1;
        while (j < s.length() && isCloser(s.charAt(j))) {
            j++;
        }
        return j;
    }

    // switches, not String.indexOf: these run for every character of the lead

    /** {@code 。！？!?；;…} */
    private static boolean isSentenceEnd(char c) {
        return switch (c) {
            case '。', '！', '？', '!', '?', '；', ';', '…' -> true;
            default -> false;
        };
    }

    /** Closing quotes and brackets: {@code ”’"'）)】」』} */
    private static boolean isCloser(char c) {
        return switch (c) {
            case '”', '’', '"', '\'', '）', ')', '】', '」', '』' -> true;
            default -> false;
        };
    }
}
