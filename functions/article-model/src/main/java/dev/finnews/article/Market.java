package dev.finnews.article;

import java.util.Locale;

/** The exchanges finnews knows; the symbol prefix is the lower-case name. */
public enum Market {
    SH, SZ, BJ, HK, US;

    /** Built once: every stock symbol an article names is spelled with its market's prefix. */
    private final String prefix = name().toLowerCase(Locale.ROOT);

    public String prefix() {
        return prefix;
    }
}
