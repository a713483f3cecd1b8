package io.newsmon.ingest;

import io.newsmon.ingest.schedule.PollSettings;

/**
 * How {@link Ingester} polls feeds; how it fetches is in {@link io.newsmon.ingest.fetch.FetchSettings} and
 * how politely in {@link io.newsmon.ingest.politeness.PolitenessSettings}.
 *
 * @param poll            poll intervals and backoff; default {@link PollSettings#defaults()}
 * @param maxPagesPerPoll the most new article pages one poll of one feed fetches, newest first; default
 *                        200. The rest are fetched by the next polls, which therefore re-read the feed
 *                        instead of accepting a 304
 * @param maxPageAttempts how many times a page that answers a client error (404, 410, ...) or is not
 *                        HTML is tried before it is given up and never fetched again; default 3. Other
 *                        page failures (timeouts, 5xx, 429) are retried at every poll of its feed
 * @param maxSitemaps     how many sitemaps of a sitemap index are read at each poll, newest first;
 *                        default 20
 */
public record IngestSettings(PollSettings poll, int maxPagesPerPoll, int maxPageAttempts, int maxSitemaps) {
    public IngestSettings {
        if (poll == null) {
            throw new IllegalArgumentException("ingest poll settings are missing");
        }
        requireAtLeastOne(maxPagesPerPoll, "maxPagesPerPoll");
        requireAtLeastOne(maxPageAttempts, "maxPageAttempts");
        requireAtLeastOne(maxSitemaps, "maxSitemaps");
    }

    /** Default poll settings, 200 pages per feed poll, 3 attempts at a missing page, 20 sitemaps. */
    public static IngestSettings defaults() {
        return new IngestSettings(PollSettings.defaults(), 200, 3, 20);
    }

    /** These settings with other poll settings. */
    public IngestSettings withPoll(PollSettings other) {
        return new IngestSettings(other, maxPagesPerPoll, maxPageAttempts, maxSitemaps);
    }

    private static void requireAtLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("ingest " + name + " " + value + " must be at least 1");
        }
    }
}
