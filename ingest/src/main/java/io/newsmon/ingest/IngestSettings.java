package io.newsmon.ingest;

import io.newsmon.ingest.fetch.FetchSettings;
import java.time.Duration;

/**
 * How {@link Ingester} polls.
 *
 * @param fetch        how pages are fetched; default {@link FetchSettings#defaults()}. The
 *                     {@link io.newsmon.ingest.fetch.HttpFetcher} handed to the {@link Ingester} should
 *                     be built from these
 * @param perHostDelay the pause between two requests to the same host; default 1 s, zero allowed
 *                     (tests)
 */
public record IngestSettings(FetchSettings fetch, Duration perHostDelay) {
    public IngestSettings {
        if (fetch == null) {
            throw new IllegalArgumentException("ingest fetch settings are missing");
        }
        if (perHostDelay == null || perHostDelay.isNegative()) {
            throw new IllegalArgumentException("ingest perHostDelay " + perHostDelay + " must be zero or positive");
        }
    }

    /** Default fetch settings and 1 s between two requests to one host. */
    public static IngestSettings defaults() {
        return new IngestSettings(FetchSettings.defaults(), Duration.ofSeconds(1));
    }
}
