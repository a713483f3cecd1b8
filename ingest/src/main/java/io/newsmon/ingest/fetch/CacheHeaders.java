package io.newsmon.ingest.fetch;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the caching headers of a response ({@code ETag}, {@code Last-Modified}, {@code Cache-Control},
 * {@code Expires}, {@code Date}) and its {@code Retry-After}, following RFC 9111 where it matters to a
 * poller: invalid freshness information counts as stale (zero), not as absent.
 */
final class CacheHeaders {
    /** RFC 9111 section 1.2.2: a delta-seconds too large to represent counts as 2^31 seconds. */
    static final long MAX_DELTA_SECONDS = 2_147_483_648L;

    private static final Pattern DIRECTIVE = Pattern.compile(
            "\\s*([^\\s=,]+)\\s*(?:=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^,\\s]*))?\\s*(?:,|$)");
    private static final Pattern DELTA_SECONDS = Pattern.compile("[0-9]+");
    /** RFC 850 dates have two-digit years; read as 1970 to 2069. */
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("EEEE, dd-MMM-").appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss 'GMT'").toFormatter(Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("EEE MMM ppd HH:mm:ss yyyy").toFormatter(Locale.US).withZone(ZoneOffset.UTC);
    private static final List<DateTimeFormatter> HTTP_DATES = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME, RFC_850, ASCTIME);

    private CacheHeaders() {
    }

    /** The cache hints of a response received at {@code now}. */
    static CacheHints hints(HttpHeaders headers, Instant now) {
        String cacheControl = headers.allValues("Cache-Control").isEmpty()
                ? null : String.join(",", headers.allValues("Cache-Control"));
        return new CacheHints(headers.firstValue("ETag").orElse(null),
                headers.firstValue("Last-Modified").orElse(null),
                freshFor(cacheControl, first(headers, "Expires"), first(headers, "Date"), now));
    }

    /**
     * The cache hints of a 304 received at {@code now}; validators it leaves out are those that were
     * sent, since a 304 need not repeat {@code Last-Modified}.
     */
    static CacheHints revalidated(HttpHeaders headers, Instant now, Validators sent) {
        CacheHints hints = hints(headers, now);
        return new CacheHints(hints.etag() == null ? sent.etag() : hints.etag(),
                hints.lastModified() == null ? sent.lastModified() : hints.lastModified(), hints.freshFor());
    }

    /**
     * How long a response stays fresh: {@code s-maxage}, else {@code max-age}; zero for {@code no-cache},
     * {@code no-store} or an invalid age; else {@code Expires} minus {@code Date} (minus {@code now} when
     * {@code Date} is absent or invalid), zero when invalid or past; null when nothing is said. Any
     * argument may be null.
     */
    static Duration freshFor(String cacheControl, String expires, String date, Instant now) {
        Map<String, String> directives = directives(cacheControl);
        if (directives.containsKey("no-store") || directives.containsKey("no-cache")) {
            return Duration.ZERO;
        }
        String age = directives.containsKey("s-maxage") ? "s-maxage" : "max-age";
        if (directives.containsKey(age)) {
            return deltaSeconds(directives.get(age)).orElse(Duration.ZERO);
        }
        if (expires == null) {
            return null;
        }
        Instant base = httpDate(date).orElse(now.truncatedTo(ChronoUnit.SECONDS));
        return httpDate(expires).map(at -> nonNegative(Duration.between(base, at))).orElse(Duration.ZERO);
    }

    /**
     * How long a {@code Retry-After} value asks to wait: delta-seconds, or an HTTP-date minus {@code now};
     * null when absent, negative, in the past or not understood.
     */
    static Duration retryAfter(String value, Instant now) {
        if (value == null) {
            return null;
        }
        Optional<Duration> delay = deltaSeconds(value)
                .or(() -> httpDate(value).map(at -> Duration.between(now.truncatedTo(ChronoUnit.SECONDS), at)));
        return delay.filter(d -> !d.isNegative()).orElse(null);
    }

    /** An HTTP-date in any of the three formats of RFC 9110 section 5.6.7; empty when not one. */
    static Optional<Instant> httpDate(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : HTTP_DATES) {
            try {
                return Optional.of(format.parse(value.strip(), Instant::from));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    /** Directive names (lower case) to their values (unquoted, null when none); the first of a name wins. */
    static Map<String, String> directives(String cacheControl) {
        Map<String, String> directives = new HashMap<>();
        if (cacheControl == null) {
            return directives;
        }
        Matcher m = DIRECTIVE.matcher(cacheControl);
        while (m.find()) {
            directives.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), unquote(m.group(2)));
        }
        return directives;
    }

    private static Optional<Duration> deltaSeconds(String value) {
        String digits = value == null ? "" : value.strip();
        if (!DELTA_SECONDS.matcher(digits).matches()) {
            return Optional.empty();
        }
        long seconds = digits.length() > 10 ? MAX_DELTA_SECONDS : Math.min(Long.parseLong(digits), MAX_DELTA_SECONDS);
        return Optional.of(Duration.ofSeconds(seconds));
    }

    private static String unquote(String value) {
        if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return value;
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static String first(HttpHeaders headers, String name) {
        return headers.firstValue(name).orElse(null);
    }
}
