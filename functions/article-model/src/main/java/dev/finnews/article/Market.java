package dev.finnews.article;

import java.util.Locale;

/** The exchanges finnews knows; the symbol prefix is the lower-case name. */
public enum Market {
    SH, SZ, BJ, HK, US;

    public String prefix() {
        return name().toLowerCase(Locale.ROOT);
    }
}
