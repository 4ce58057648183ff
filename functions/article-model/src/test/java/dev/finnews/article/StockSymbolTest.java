package dev.finnews.article;

import dev.finnews.article.StockSymbol.Resolution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StockSymbolTest {

    @ParameterizedTest
    @CsvSource({
        "sh601988, sh601988", "SH601988, sh601988", "601988.SH, sh601988", "601988.SS, sh601988", "601988.ss, sh601988",
        "601988, sh601988", "688981, sh688981", "sz000858, sz000858", "000858.SZ, sz000858", "300750, sz300750",
        "002594, sz002594", "399300, sz399300", "bj838275, bj838275", "838275, bj838275", "920118, bj920118",
        "hk00700, hk00700", "00700.HK, hk00700", "700.HK, hk00700", "HK09988, hk09988", "usAAPL, usaapl",
        "AAPL.US, usaapl", "gb_aapl, usaapl", "usBRK.B, usbrk.b", "' sh600000 ', sh600000"})
    void readsEveryFormUsersType(String input, String symbol) {
        assertThat(StockSymbol.resolve(input)).isInstanceOfSatisfying(Resolution.Resolved.class,
                r -> assertThat(r.symbol().symbol()).isEqualTo(symbol));
    }

    @Test
    void aBareCodeSharedByAShanghaiIndexAndAShenzhenStockIsAmbiguous() {
        assertThat(StockSymbol.resolve("000001")).isInstanceOfSatisfying(Resolution.Ambiguous.class,
                a -> assertThat(a.candidates()).extracting(StockSymbol::symbol).containsExactly("sh000001", "sz000001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "sh60198", "sh6019880", "601988.XX", "hk123456", "12345", "中国银行",
        "us", "sh601988; DROP", "99999999999999999", "%00", "7"})
    void refusesWhatIsNoSymbol(String input) {
        assertThat(StockSymbol.resolve(input)).isInstanceOf(Resolution.Invalid.class);
    }

    @Test
    void keepsTheExchangesOwnCodeAndMarket() {
        StockSymbol s = ((Resolution.Resolved) StockSymbol.resolve("aapl.us")).symbol();
        assertThat(s.market()).isEqualTo(Market.US);
        assertThat(s.code()).isEqualTo("AAPL");
        assertThat(new StockSymbol(Market.HK, "700").code()).isEqualTo("00700");
    }

    @Test
    void parseNormativeAcceptsOnlyTheStoredForm() {
        assertThat(StockSymbol.parseNormative("sh601988")).map(StockSymbol::symbol).contains("sh601988");
        assertThat(StockSymbol.parseNormative("SH601988")).isEmpty();
        assertThat(StockSymbol.parseNormative("601988.SH")).isEmpty();
        assertThat(StockSymbol.parseNormative("usaapl")).map(StockSymbol::code).contains("AAPL");
    }
}
