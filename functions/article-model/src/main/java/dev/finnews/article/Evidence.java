package dev.finnews.article;

/** Where in the markup a stock mention was found. */
public enum Evidence {
    /** Sina {@code <span id="stock_sh601988">}, {@code hkstock_}, {@code usstock_}. */
    SPAN,
    /** A quote page link such as {@code …/realstock/company/sh601988/nc.shtml} or {@code …/hkstock/quotes/00700.html}. */
    LINK,
    /** The {@code <!-- news_keyword_pub,stock,… -->} comment. */
    COMMENT,
    /** 证券时报 {@code <a class="trsHotWords" code="000858">}. */
    HOT_WORD,
    /** A code written in title or text: {@code （600968.SH）}, {@code (00700.HK)}. */
    CODE_PATTERN
}
