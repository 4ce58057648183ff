package dev.finnews.query;

import dev.finnews.store.SortOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListParamsTest {

    @Test
    void defaults() {
        ListParams p = read(Route.ARTICLES, "");
        assertThat(p).isEqualTo(new ListParams(20, SortOrder.DESC, null, null, null));
    }

    @Test
    void readsEveryParameter() {
        ListParams p = read(Route.ARTICLES, "limit=100&order=asc&from=2022-05-17&to=2022-05-18T00:00:00%2B08:00&cursor=abc.def");
        assertThat(p).isEqualTo(new ListParams(100, SortOrder.ASC, Instant.parse("2022-05-16T16:00:00Z"),
                Instant.parse("2022-05-17T16:00:00Z"), "abc.def"));
    }

    @Test
    void anUnencodedPlusInAnOffsetStillWorks() {
        assertThat(read(Route.ARTICLES, "from=2022-05-17T08:00:00+08:00").from()).isEqualTo(Instant.parse("2022-05-17T00:00:00Z"));
    }

    @Test
    void fromEqualToIsOneInstant() {
        ListParams p = read(Route.STOCK_ARTICLES, "from=2022-05-17T00:00:00Z&to=2022-05-17T00:00:00Z");
        assertThat(p.from()).isEqualTo(p.to());
    }

    @Test
    void aSingleDayRangeCoversThatBeijingDay() {
        ListParams p = read(Route.CATEGORY_ARTICLES, "from=2022-07-10&to=2022-07-10");
        assertThat(p.from()).isEqualTo(Instant.parse("2022-07-09T16:00:00Z"));
        assertThat(p.to()).isEqualTo(Instant.parse("2022-07-10T15:59:59.999Z"));
    }

    @Test
    void rangesAreIgnoredWhereTheRouteTakesNone() {
        ListParams p = read(Route.DATE_ARTICLES, "from=nonsense&to=2022-05-17");
        assertThat(p.from()).isNull();
        assertThat(p.to()).isNull();
    }

    @Test
    void unknownAndUndecodableParametersAreIgnored() {
        assertThat(read(Route.ARTICLES, "foo=%ZZ&%ZZ=1&&=&limit=5").limit()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=101", "limit=-1", "limit=", "limit", "limit=1.5", "limit=abc", "limit=%2B5",
            "limit=0005", "limit=099", "limit=1e2", "limit=5&limit=6", "limit=%ZZ", "limit=２０"})
    void rejectsBadLimits(String query) {
        assertCode(query, ErrorCode.INVALID_LIMIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order=ASC", "order=up", "order=", "order=asc&order=desc", "order=%"})
    void rejectsBadOrders(String query) {
        assertCode(query, ErrorCode.INVALID_ORDER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=2022-02-30", "to=2022-05-17T10:00:00", "from=", "from=%E4", "to=a&to=b"})
    void rejectsBadDates(String query) {
        assertCode(query, ErrorCode.INVALID_DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=2022-05-18&to=2022-05-17", "from=2022-05-17T00:00:00.001Z&to=2022-05-17T00:00:00Z",
            "from=2022-05-17T16:00:00Z&to=2022-05-17"})
    void rejectsRangesThatEndBeforeTheyStart(String query) {
        assertCode(query, ErrorCode.INVALID_RANGE);
    }

    @Test
    void rejectsARepeatedCursor() {
        assertCode("cursor=a.b&cursor=a.b", ErrorCode.INVALID_CURSOR);
    }

    @Test
    void limitFromTheEdges() {
        assertThat(read(Route.ARTICLES, "limit=1").limit()).isEqualTo(1);
        assertThat(read(Route.FAILURES, "limit=100").limit()).isEqualTo(100);
    }

    private static ListParams read(Route route, String query) {
        return ListParams.read(route, QueryString.parse(query));
    }

    private static void assertCode(String query, ErrorCode code) {
        assertThatThrownBy(() -> read(Route.ARTICLES, query))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
