package dev.finnews.parser;

import dev.finnews.article.Warning;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * When an article was published: the instant and its Beijing calendar date. The generator writes
 * RFC-1123 GMT dates (true UTC instants), sometimes {@code yyyy-MM-dd HH:mm:ss} without a zone (read as
 * Beijing time) and sometimes the literal {@code Invalid Date}. A time whose Beijing year is outside
 * 1990–2099 is a placeholder or garbage (epoch zero, {@code 9999-12-31}), not when news was published; it
 * would also give a date that is not {@code YYYY-MM-DD}, so it is read as no date at all.
 *
 * @param instant the UTC instant, or null when the date could not be read
 * @param date    the Asia/Shanghai calendar date of {@code instant}, or null
 * @param warning what the reader had to assume or give up, or null
 */
record PublishTime(Instant instant, LocalDate date, Warning warning) {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Longer than any date format read here; longer input is not a date. */
    private static final int MAX_CHARS = 64;
    private static final Instant EARLIEST = LocalDate.of(1990, 1, 1).atStartOfDay(BEIJING).toInstant();
    private static final Instant END = LocalDate.of(2100, 1, 1).atStartOfDay(BEIJING).toInstant();
    /** {@code Tue, 17 May 2022 11:06:04 GMT}. */
    private static final int GENERATOR_RFC_1123_CHARS = 29;
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final DateTimeFormatter ZONELESS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    static PublishTime of(String written) {
        if (written == null || written.isBlank() || written.length() > MAX_CHARS) {
            return invalid();
        }
        String s = written.strip();
        Optional<Instant> zoned = firstParsed(s);
        if (zoned.isPresent()) {
            return at(zoned.get(), null);
        }
        Optional<LocalDateTime> local = zoneless(s);
        return local.map(t -> at(t.atZone(BEIJING).toInstant(), Warning.DATE_WITHOUT_ZONE)).orElseGet(PublishTime::invalid);
    }

    private static PublishTime at(Instant instant, Warning warning) {
        if (instant.isBefore(EARLIEST) || !instant.isBefore(END)) {
            return invalid();
        }
        return new PublishTime(instant, LocalDate.ofInstant(instant, BEIJING), warning);
    }

    private static PublishTime invalid() {
        return new PublishTime(null, null, Warning.INVALID_DATE);
    }

    private static Optional<Instant> firstParsed(String s) {
        Optional<Instant> generated = generatorRfc1123(s);
        if (generated.isPresent()) {
            return generated;
        }
        try {
            return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeException e) {
            // not RFC-1123; try ISO-8601 with an offset
        }
        try {
            return Optional.of(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The RFC-1123 form the generator writes, exactly ({@code Tue, 17 May 2022 11:06:04 GMT}), read by hand:
     * the formatter is the slowest step of reading the front matter. Only a date the formatter reads to
     * the same instant is taken (valid fields, the weekday of that date); anything else is left to it.
     */
    private static Optional<Instant> generatorRfc1123(String s) {
        if (s.length() != GENERATOR_RFC_1123_CHARS || !s.startsWith(", ", 3) || s.charAt(7) != ' ' || s.charAt(11) != ' '
                || s.charAt(16) != ' ' || s.charAt(19) != ':' || s.charAt(22) != ':' || !s.endsWith(" GMT")) {
            return Optional.empty();
        }
        int month = MONTHS.indexOf(s.substring(8, 11));
        int year = digits(s, 12, 4);
        int day = digits(s, 5, 2);
        int hour = digits(s, 17, 2);
        int minute = digits(s, 20, 2);
        int second = digits(s, 23, 2);
        if (month < 0 || month % 3 != 0 || year < 0 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > YearMonth.of(year, month / 3 + 1).lengthOfMonth()) {
            return Optional.empty();
        }
        LocalDate date = LocalDate.of(year, month / 3 + 1, day);
        if (!s.startsWith(WEEKDAYS[date.getDayOfWeek().ordinal()])) {
            return Optional.empty();
        }
        return Optional.of(date.atTime(hour, minute, second).toInstant(ZoneOffset.UTC));
    }

    /** The number written by {@code count} ASCII digits at {@code start}, or -1. */
    private static int digits(String s, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Optional<LocalDateTime> zoneless(String s) {
        try {
            return Optional.of(LocalDateTime.parse(s, ZONELESS));
        } catch (DateTimeException e) {
            // not the generator's zone-less form; try ISO-8601 without offset
        }
        try {
            return Optional.of(LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
