package dev.finnews.query;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Reads the dates and instants clients send. A calendar date always means that day in Beijing
 * (Asia/Shanghai), the day users and the store's date lookup think in: {@code 2022-05-17} runs from
 * {@code 2022-05-17T00:00+08:00} to {@code 2022-05-17T23:59:59.999+08:00}.
 */
final class BeijingTime {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt].+");

    private BeijingTime() {
    }

    /** A {@code YYYY-MM-DD} calendar date that exists. */
    static LocalDate date(String s) {
        if (s == null || !DATE.matcher(s).matches()) {
            throw new ApiException(ErrorCode.INVALID_DATE, Echo.quote(s) + " is not a date in YYYY-MM-DD form");
        }
        try {
            return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeException e) {
            throw new ApiException(ErrorCode.INVALID_DATE, Echo.quote(s) + " is not a calendar date");
        }
    }

    /** The first instant a {@code from} value covers: a date's Beijing midnight, or the instant itself. */
    static Instant lowerBound(String s) {
        return DATE.matcher(s).matches() ? date(s).atStartOfDay(ZONE).toInstant() : instant(s);
    }

    /** The last instant a {@code to} value covers: a date's last Beijing millisecond, or the instant itself. */
    static Instant upperBound(String s) {
        return DATE.matcher(s).matches() ? date(s).plusDays(1).atStartOfDay(ZONE).toInstant().minusMillis(1) : instant(s);
    }

    /** An ISO-8601 date-time with {@code Z} or an offset ({@code 2022-05-17T11:06:04Z}, {@code …T19:06+08:00}). */
    static Instant instant(String s) {
        if (!INSTANT.matcher(s).matches()) {
            throw new ApiException(ErrorCode.INVALID_DATE,
                    Echo.quote(s) + " is neither a date (2022-05-17) nor a date-time with zone (2022-05-17T11:06:04Z)");
        }
        // An unencoded '+' of an offset arrives as a space after form decoding; no valid value holds one otherwise.
        String repaired = s.replace(' ', '+');
        try {
            return OffsetDateTime.parse(repaired, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw new ApiException(ErrorCode.INVALID_DATE,
                    Echo.quote(s) + " is not an ISO-8601 date-time with zone (2022-05-17T11:06:04Z or 2022-05-17T19:06:04+08:00)");
        }
    }
}
