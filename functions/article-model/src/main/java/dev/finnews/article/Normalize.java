package dev.finnews.article;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normalisation used to match user input against stored values (categories, names):
 * Unicode NFKC (full-width {@code －} becomes {@code -}), case folding, common traditional/variant
 * characters unified ({@code 內}→{@code 内}), runs of white space collapsed to one space, trimmed.
 */
public final class Normalize {
    /** Variant → standard character; pairs seen in feed names and common in Chinese finance text. */
    private static final String VARIANTS = "內内國国財财經经產产業业證证華华門门際际資资訊讯聞闻們们"
            + "時时報报開开網网絡络歐欧亞亚東东灣湾臺台銀银險险貨货幣币價价標标準准體体區区滬沪線线";

    private Normalize() {
    }

    public static String key(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (isKeyAsIs(n)) {
            return n; // most names: nothing for the loop below to drop or replace
        }
        StringBuilder out = new StringBuilder(n.length());
        boolean pendingSpace = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (Character.getType(cp) == Character.FORMAT) {
                continue; // zero-width joiners and the like never distinguish two names
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            int v = variantIndex(cp);
            if (v >= 0) {
                out.append(VARIANTS.charAt(v + 1));
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Whether {@link #key}'s loop would copy {@code n} unchanged: no space, format character, variant or surrogate. */
    private static boolean isKeyAsIs(String n) {
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isSurrogate(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT || variantIndex(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The index of {@code cp} in {@link #VARIANTS} when it is a variant to replace (an even index), else -1. */
    private static int variantIndex(int cp) {
        int v = cp < 0x10000 ? VARIANTS.indexOf(cp) : -1;
        return v >= 0 && v % 2 == 0 ? v : -1;
    }
}
