package io.newsmon.ingest;

import io.newsmon.model.text.Printable;
import java.time.Duration;
import java.time.Instant;

/**
 * A feed that has gone silent: no successful poll for longer than its expected interval allows (see
 * {@link FeedHealth} for the rule).
 *
 * <p>Example: {@code new SilentFeed("https://example.org/rss.xml", "Example", lastSuccess,
 * Duration.ofMinutes(15)).describe()} gives {@code https://example.org/rss.xml (no success since
 * 2024-05-08T10:00:00Z, expected every 15 min)}.
 *
 * @param url              the feed's URL as configured
 * @param name             its display name
 * @param lastSuccess      when it was last read (200 or 304), or null when it never was
 * @param expectedInterval how often it is expected to be read
 */
public record SilentFeed(String url, String name, Instant lastSuccess, Duration expectedInterval) {
    /** The feed in a line: its URL for display ({@link Printable#url}), its last success and its expected interval. */
    public String describe() {
        String since = lastSuccess == null ? "never read successfully" : "no success since " + lastSuccess;
        return Printable.url(url) + " (" + since + ", expected every " + human(expectedInterval) + ")";
    }

    /** {@code duration} for people: {@code 45 s}, {@code 15 min}, {@code 2 h}, {@code 1 h 30 min}. */
    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        if (hours == 0) {
            return minutes + " min";
        }
        return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
    }
}
