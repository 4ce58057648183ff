package dev.finnews.store.dynamo;

import dev.finnews.article.Market;
import dev.finnews.article.StockSymbol;
import dev.finnews.store.Lookup;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class KeysTest {

    @Test
    void sortTimeHasOneWidthSoStringOrderIsTimeOrder() {
        assertThat(Keys.sortTime(Instant.parse("2022-05-17T11:06:04Z"))).isEqualTo("2022-05-17T11:06:04.000Z");
        assertThat(Keys.sortTime(Instant.parse("2022-05-17T11:06:04.123456Z"))).isEqualTo("2022-05-17T11:06:04.123Z");
        assertThat(Keys.sortTime(Instant.parse("0033-01-01T00:00:00Z"))).isEqualTo("0033-01-01T00:00:00.000Z");
        assertThat(Keys.sortTime(Instant.parse("+12000-01-01T00:00:00Z"))).isEqualTo("9999-12-31T23:59:59.999Z");
        assertThat(Keys.sortTime(Instant.parse("-0500-01-01T00:00:00Z"))).isEqualTo("0000-01-01T00:00:00.000Z");
    }

    @Test
    void boundsAreInclusiveToTheMillisecond() {
        Instant t = Instant.parse("2022-05-17T10:00:00.000Z");
        String atT = Keys.timed(t, "AAAAAAAAAAAAAAAAAAAAAA");
        String justAfter = Keys.timed(t.plusMillis(1), "AAAAAAAAAAAAAAAAAAAAAA");
        String justBefore = Keys.timed(t.minusMillis(1), "zzzzzzzzzzzzzzzzzzzzzz");
        assertThat(atT).isBetween(Keys.lowerBound(t), Keys.upperBound(t));
        assertThat(Keys.timed(t, "______________________")).isLessThanOrEqualTo(Keys.upperBound(t));
        assertThat(justAfter).isGreaterThan(Keys.upperBound(t));
        assertThat(justBefore).isLessThan(Keys.lowerBound(t));
        // a sub-millisecond lower bound excludes the millisecond it falls in
        assertThat(atT).isLessThan(Keys.lowerBound(t.plusNanos(500_000)));
    }

    @Test
    void lookupPartitionsUseNormalisedCategoriesAndNormativeSymbols() {
        assertThat(Keys.lookupPartition(new Lookup.ByCategory("新浪财经－国內"))).isEqualTo("L#CAT#新浪财经-国内");
        assertThat(Keys.lookupPartition(new Lookup.ByCategory(" 新浪财经-国内 "))).isEqualTo("L#CAT#新浪财经-国内");
        assertThat(Keys.lookupPartition(new Lookup.ByDate(LocalDate.of(2022, 7, 10)))).isEqualTo("L#DATE#2022-07-10");
        assertThat(Keys.lookupPartition(new Lookup.ByStock(new StockSymbol(Market.SH, "601988")))).isEqualTo("L#STOCK#sh601988");
        assertThat(Keys.lookupPartition(new Lookup.Latest())).isEqualTo("L#ALL");
    }

    @Test
    void countKeysComeFromCategoryAndStockPartitionsOnly() {
        assertThat(Keys.countOf("L#CAT#金融")).isEqualTo(new Keys.CountKey("COUNT#CAT", "金融"));
        assertThat(Keys.countOf("L#STOCK#hk00700")).isEqualTo(new Keys.CountKey("COUNT#STOCK", "hk00700"));
        assertThat(Keys.countOf("L#ALL")).isNull();
        assertThat(Keys.countOf("L#DATE#2022-07-10")).isNull();
    }

    @Test
    void aHugeCategoryStillFitsASortKey() {
        String key = Keys.categoryKey("国".repeat(2000));
        assertThat(key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
    }
}
