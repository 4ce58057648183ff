package dev.finnews.parser;

import dev.finnews.article.StockSymbol;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StockReferencesTest {
    private static List<String> inText(String text) {
        return StockReferences.inText(text).stream().map(StockSymbol::symbol).toList();
    }

    @Test
    void suffixedCodesInTextAreFound() {
        assertThat(inText("海油发展（600968.SH）、五粮液(000858.SZ)、浦发 600000.SS、北交所 838275.BJ、腾讯(00700.HK)、0700.HK"))
                .containsExactly("sh600968", "sz000858", "sh600000", "bj838275", "hk00700", "hk00700");
    }

    @Test
    void codesInsideLongerNumbersOrWordsAreNot() {
        assertThat(inText("1600968.SH 600968.SHA 60096.SH x600968.SH 600968.SZX install.sh 123456.sh5")).isEmpty();
    }

    @Test
    void usTickersNeedBracketsAndASuffix() {
        assertThat(inText("苹果（AAPL.US）、阿里(BABA.N)、拼多多（PDD.O）")).containsExactly("usaapl", "usbaba", "uspdd");
        assertThat(inText("U.S. and AAPL.US and (aapl.US)")).isEmpty();
    }

    @Test
    void sinaSpanIdsOfEveryKind() {
        assertThat(StockReferences.fromSpanId("stock_sh601988")).map(StockSymbol::symbol).hasValue("sh601988");
        assertThat(StockReferences.fromSpanId("hkstock_hk00700")).map(StockSymbol::symbol).hasValue("hk00700");
        assertThat(StockReferences.fromSpanId("usstock_TSLA")).map(StockSymbol::symbol).hasValue("ustsla");
        assertThat(StockReferences.fromSpanId("quote_TSLA")).map(StockSymbol::symbol).hasValue("ustsla");
        assertThat(StockReferences.fromSpanId("quote_00700")).map(StockSymbol::symbol).hasValue("hk00700");
        assertThat(StockReferences.fromSpanId("quote_601988")).isEmpty(); // no exchange: ambiguous
        assertThat(StockReferences.fromSpanId("stock_xx601988")).isEmpty();
        assertThat(StockReferences.fromSpanId("main")).isEmpty();
    }

    @Test
    void quoteLinks() {
        assertThat(StockReferences.fromHref("https://finance.sina.com.cn/realstock/company/sz000001/nc.shtml"))
                .map(StockSymbol::symbol).hasValue("sz000001");
        assertThat(StockReferences.fromHref("https://stock.finance.sina.com.cn/hkstock/quotes/00700.html"))
                .map(StockSymbol::symbol).hasValue("hk00700");
        assertThat(StockReferences.fromHref("https://stock.finance.sina.com.cn/usstock/quotes/AAPL.html"))
                .map(StockSymbol::symbol).hasValue("usaapl");
        assertThat(StockReferences.fromHref("https://www.example.com/")).isEmpty();
    }

    @Test
    void hotWordsPreferTheStockcodeAndReadAmbiguousCodesAsShenzhenStocks() {
        assertThat(StockReferences.fromHotWord("https://q.example.cn/?stockcode=SZ000858", "000858"))
                .map(StockSymbol::symbol).hasValue("sz000858");
        assertThat(StockReferences.fromHotWord("https://q.example.cn/", "000858")).map(StockSymbol::symbol).hasValue("sz000858");
        assertThat(StockReferences.fromHotWord("https://q.example.cn/", "600519")).map(StockSymbol::symbol).hasValue("sh600519");
        assertThat(StockReferences.fromHotWord("https://q.example.cn/", "")).isEmpty();
    }
}
