package dev.finnews.ingest;

import java.util.Comparator;
import java.util.Locale;

/**
 * Orders S3 event sequencers of one object key as the S3 event message structure documentation
 * prescribes: the greater hexadecimal value is the later event; values of different lengths are
 * compared after right-padding the shorter with zeros, then lexicographically. Older revisions of
 * that page said "left pad"; this follows the current one. Case is ignored, as for any hexadecimal value.
 */
public final class Sequencer {
    public static final Comparator<String> ORDER = Sequencer::compare;

    private Sequencer() {
    }

    public static int compare(String a, String b) {
        String x = a.toUpperCase(Locale.ROOT);
        String y = b.toUpperCase(Locale.ROOT);
        int width = Math.max(x.length(), y.length());
        return padRight(x, width).compareTo(padRight(y, width));
    }

    private static String padRight(String s, int width) {
        return s.length() == width ? s : s + "0".repeat(width - s.length());
    }
}
