package io.newsmon.enrich.metadata;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Parses the time formats pages use into UTC instants. Accepted, in this order:
 * <ul>
 *   <li>ISO-8601 with an offset or {@code Z}: {@code 2019-05-16T10:00:00+02:00}, {@code 2019-05-16T08:00Z},
 *       also {@code +0200} without a colon and a space instead of {@code T};</li>
 *   <li>ISO-8601 without a zone, read as UTC: {@code 2019-05-16T08:00:00};</li>
 *   <li>a date only, read as midnight UTC: {@code 2019-05-16};</li>
 *   <li>RFC 1123 / RFC 822, with or without the weekday: {@code Thu, 16 May 2019 08:00:00 GMT},
 *       {@code 16 May 2019 10:00:00 +0200}.</li>
 * </ul>
 * Anything else gives null: an unparseable time is ignored, not an error.
 */
final class Times {
    private static final DateTimeFormatter ISO_OFFSET_FLEXIBLE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendOffset("+HH:MM:ss", "Z")
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter ISO_OFFSET_NO_COLON = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .appendOffset("+HHMM", "Z")
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter LOCAL_FLEXIBLE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter(Locale.ROOT);

    private static final List<Function<String, Instant>> PARSERS = List.of(
            s -> OffsetDateTime.parse(s, ISO_OFFSET_FLEXIBLE).toInstant(),
            s -> OffsetDateTime.parse(s, ISO_OFFSET_NO_COLON).toInstant(),
            s -> LocalDateTime.parse(s, LOCAL_FLEXIBLE).toInstant(ZoneOffset.UTC),
            s -> LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant(),
            s -> ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(),
            s -> ZonedDateTime.parse(rfc1123Zone(s), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());

    private Times() {
    }

    /** {@code text} as a UTC instant, or null when it is null, blank or in none of the accepted forms. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        for (Function<String, Instant> parser : PARSERS) {
            try {
                return parser.apply(value);
            } catch (DateTimeException e) {
                // not this form; try the next
            }
        }
        return null;
    }

    /** RFC 1123 allows only GMT or a numeric offset; pages also write UTC, Z or "UT". */
    private static String rfc1123Zone(String value) {
        return value.replaceFirst("\\s(UTC|UT|Z)$", " GMT");
    }
}
