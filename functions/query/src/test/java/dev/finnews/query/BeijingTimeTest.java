package dev.finnews.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BeijingTimeTest {

    @Test
    void aDateInFromStartsAtBeijingMidnight() {
        assertThat(BeijingTime.lowerBound("2022-05-17")).isEqualTo(Instant.parse("2022-05-16T16:00:00Z"));
    }

    @Test
    void aDateInToEndsAtTheLastBeijingMillisecond() {
        assertThat(BeijingTime.upperBound("2022-05-17")).isEqualTo(Instant.parse("2022-05-17T15:59:59.999Z"));
    }

    @Test
    void lateGmtEveningBelongsToTheNextBeijingDay() {
        Instant lateGmt = Instant.parse("2022-07-09T23:54:27Z");
        assertThat(lateGmt).isBefore(BeijingTime.lowerBound("2022-07-10").plusSeconds(86_400))
                .isAfterOrEqualTo(BeijingTime.lowerBound("2022-07-10"))
                .isAfter(BeijingTime.upperBound("2022-07-09"));
    }

    @Test
    void readsInstantsWithZoneOrOffset() {
        assertThat(BeijingTime.lowerBound("2022-05-17T11:06:04Z")).isEqualTo(Instant.parse("2022-05-17T11:06:04Z"));
        assertThat(BeijingTime.upperBound("2022-05-17T19:06:04+08:00")).isEqualTo(Instant.parse("2022-05-17T11:06:04Z"));
        assertThat(BeijingTime.lowerBound("2022-05-17T11:06:04.250Z")).isEqualTo(Instant.parse("2022-05-17T11:06:04.250Z"));
        assertThat(BeijingTime.lowerBound("2022-05-17T11:06Z")).isEqualTo(Instant.parse("2022-05-17T11:06:00Z"));
    }

    @Test
    void anOffsetWhosePlusBecameASpaceIsStillRead() {
        assertThat(BeijingTime.lowerBound("2022-05-17T19:06:04 08:00")).isEqualTo(Instant.parse("2022-05-17T11:06:04Z"));
    }

    @Test
    void readsStrictCalendarDates() {
        assertThat(BeijingTime.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2022-5-17", "20220517", "2022-02-30", "2023-02-29", "2022-13-01", "+2022-05-17", "2022-05-17Z",
            "2022-05-17T11:06:04", "2022-05-17T25:00:00Z", "yesterday", "２０２２-05-17", "2022-05-17T11:06:04 GMT"})
    void rejectsAnythingElse(String value) {
        assertThatThrownBy(() -> BeijingTime.lowerBound(value))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DATE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-05-17T00:00:00Z", "2022-5-17", "2022-02-30", "17.05.2022"})
    void aPathDateIsADateOnly(String value) {
        assertThatThrownBy(() -> BeijingTime.date(value))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DATE));
    }
}
