package io.newsmon.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Duration;
import java.time.Instant;

/**
 * A feed's polling state and health: the value of {@code news.ingest.feeds}, keyed by {@link #feedUrl()}.
 * Ingest keeps it so that a restart, or another ingest instance taking the feed over, goes on where the
 * last poll stopped: conditional GET with the last validators, the same interval, the same backoff.
 *
 * @param schemaVersion       {@link #SCHEMA_VERSION} when written by this version
 * @param feedUrl             the feed's URL as configured
 * @param source              the feed's name, as configured (its {@code name}); {@code feedName} before
 *                            version 2
 * @param etag                the last {@code ETag} to send as {@code If-None-Match}, or null
 * @param lastModified        the last {@code Last-Modified} to send as {@code If-Modified-Since}, or null
 * @param lastPoll            when the feed was last polled (successfully or not), or null before the first poll
 * @param lastSuccess         when the feed was last read (200 or 304), or null
 * @param lastError           when the last poll failed, or null
 * @param lastErrorMessage    why it failed, naming the URL and the rule, or null
 * @param consecutiveFailures polls failed in a row since the last success; 0 when healthy
 * @param interval            the current adaptive interval between two successful polls
 * @param nextPoll            when the feed is due again
 * @param lastEntries         the entries the last successful read found
 * @param lastNewArticles     the new articles the last successful read published
 * @param articlesPublished   the articles published from this feed since its state began
 */
public record FeedState(int schemaVersion, String feedUrl, @JsonAlias("feedName") String source, String etag, String lastModified,
                        Instant lastPoll, Instant lastSuccess, Instant lastError, String lastErrorMessage,
                        int consecutiveFailures, Duration interval, Instant nextPoll, int lastEntries,
                        int lastNewArticles, long articlesPublished) {
    /** The version of this message's shape. */
    public static final int SCHEMA_VERSION = 2;

    public FeedState {
        Checks.require(feedUrl, "feed state feedUrl");
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("feed state interval " + interval + " of " + feedUrl + " must be positive");
        }
        if (nextPoll == null) {
            throw new IllegalArgumentException("feed state nextPoll is missing for " + feedUrl);
        }
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("feed state consecutiveFailures " + consecutiveFailures + " of " + feedUrl
                    + " must be 0 or more");
        }
    }

    /** The state of a feed never polled: due at {@code now}, with {@code interval} to start from. */
    public static FeedState initial(String feedUrl, String source, Duration interval, Instant now) {
        return new FeedState(SCHEMA_VERSION, feedUrl, source, null, null, null, null, null, null, 0, interval, now,
                0, 0, 0);
    }

    /** Whether the last poll succeeded (or none was made yet). */
    public boolean healthy() {
        return consecutiveFailures == 0;
    }

    /** A builder that starts from this state; what it builds carries {@link #SCHEMA_VERSION}. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds the next state of a feed from the last one, naming each field it changes. */
    public static final class Builder {
        private final String feedUrl;
        private final String source;
        private String etag;
        private String lastModified;
        private Instant lastPoll;
        private Instant lastSuccess;
        private Instant lastError;
        private String lastErrorMessage;
        private int consecutiveFailures;
        private Duration interval;
        private Instant nextPoll;
        private int lastEntries;
        private int lastNewArticles;
        private long articlesPublished;

        private Builder(FeedState state) {
            feedUrl = state.feedUrl;
            source = state.source;
            etag = state.etag;
            lastModified = state.lastModified;
            lastPoll = state.lastPoll;
            lastSuccess = state.lastSuccess;
            lastError = state.lastError;
            lastErrorMessage = state.lastErrorMessage;
            consecutiveFailures = state.consecutiveFailures;
            interval = state.interval;
            nextPoll = state.nextPoll;
            lastEntries = state.lastEntries;
            lastNewArticles = state.lastNewArticles;
            articlesPublished = state.articlesPublished;
        }

        public Builder etag(String value) {
            etag = value;
            return this;
        }

        public Builder lastModified(String value) {
            lastModified = value;
            return this;
        }

        public Builder lastPoll(Instant value) {
            lastPoll = value;
            return this;
        }

        public Builder lastSuccess(Instant value) {
            lastSuccess = value;
            return this;
        }

        public Builder lastError(Instant value) {
            lastError = value;
            return this;
        }

        public Builder lastErrorMessage(String value) {
            lastErrorMessage = value;
            return this;
        }

        public Builder consecutiveFailures(int value) {
            consecutiveFailures = value;
            return this;
        }

        public Builder interval(Duration value) {
            interval = value;
            return this;
        }

        public Builder nextPoll(Instant value) {
            nextPoll = value;
            return this;
        }

        public Builder lastEntries(int value) {
            lastEntries = value;
            return this;
        }

        public Builder lastNewArticles(int value) {
            lastNewArticles = value;
            return this;
        }

        public Builder articlesPublished(long value) {
            articlesPublished = value;
            return this;
        }

        /** The state, checked as any other. */
        public FeedState build() {
            return new FeedState(SCHEMA_VERSION, feedUrl, source, etag, lastModified, lastPoll, lastSuccess, lastError,
                    lastErrorMessage, consecutiveFailures, interval, nextPoll, lastEntries, lastNewArticles,
                    articlesPublished);
        }
    }
}
