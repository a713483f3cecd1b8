package io.newsmon.ingest.schedule;

import io.newsmon.model.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Computes a feed's next state from the outcome of a poll; pure apart from the jitter's random source.
 *
 * <ul>
 *   <li>A read that found new articles shortens the interval by a third, one that found none (or a 304)
 *       lengthens it by half, always within {@link PollSettings#minPollInterval()} and
 *       {@link PollSettings#maxPollInterval()}.</li>
 *   <li>The server's freshness hint ({@code Cache-Control: max-age}, {@code Expires}, RSS {@code <ttl>})
 *       can only delay the next poll, and never past the maximum interval.</li>
 *   <li>A failure waits {@code backoffBase * 2^(failures-1)}, capped at {@link PollSettings#maxBackoff()},
 *       with "equal jitter" (a random point in the upper half) so that feeds failing together do not
 *       retry together; a server's {@code Retry-After} waits longer when it asks for more. The feed stays
 *       in the schedule however often it fails.</li>
 * </ul>
 *
 * <p>Example: {@code schedule.afterRead(state, now, Answer.content(20, 3, "W/\"abc\"", null, Duration.ofMinutes(30)))}.
 */
public final class PollSchedule {
    private static final int MAX_DOUBLINGS = 30;

    private final PollSettings settings;
    private final RandomGenerator random;

    public PollSchedule(PollSettings settings, RandomGenerator random) {
        this.settings = settings;
        this.random = random;
    }

    /** The settings this schedule follows. */
    public PollSettings settings() {
        return settings;
    }

    /** The state of a feed never polled: due at {@code now}. */
    public FeedState initial(String feedUrl, String source, Instant now) {
        return FeedState.initial(feedUrl, source, settings.pollInterval(), now);
    }

    /**
     * What a successful read of a feed answered, for {@link #afterRead}.
     *
     * @param notModified  whether the server answered 304 Not Modified
     * @param entries      the entries the feed listed; ignored (the last count is kept) for a 304
     * @param newArticles  the articles this poll published; 0 for a 304
     * @param etag         the validator to send next time (null keeps none)
     * @param lastModified the validator to send next time (null keeps none)
     * @param freshFor     the server's freshness hint, or null
     */
    public record Answer(boolean notModified, int entries, int newArticles, String etag, String lastModified,
                         Duration freshFor) {
        /** A 200 with {@code entries} entries, of which {@code newArticles} were published. */
        public static Answer content(int entries, int newArticles, String etag, String lastModified, Duration freshFor) {
            return new Answer(false, entries, newArticles, etag, lastModified, freshFor);
        }

        /** A 304 Not Modified. */
        public static Answer notModified(String etag, String lastModified, Duration freshFor) {
            return new Answer(true, 0, 0, etag, lastModified, freshFor);
        }
    }

    /** The state after a successful read (200 or 304) that answered {@code answer}. */
    public FeedState afterRead(FeedState state, Instant now, Answer answer) {
        Duration interval = adapt(bounded(state.interval()), answer.newArticles());
        Duration freshFor = answer.freshFor();
        Duration wait = freshFor == null || freshFor.compareTo(interval) <= 0
                ? interval : PollSettings.clamp(freshFor, interval, settings.maxPollInterval());
        return state.toBuilder()
                .etag(answer.etag()).lastModified(answer.lastModified())
                .lastPoll(now).lastSuccess(now).consecutiveFailures(0)
                .interval(interval).nextPoll(now.plus(wait))
                .lastEntries(answer.notModified() ? state.lastEntries() : answer.entries())
                .lastNewArticles(answer.newArticles())
                .articlesPublished(state.articlesPublished() + answer.newArticles())
                .build();
    }

    /**
     * After a failed poll: the validators and interval are kept, the failure is counted and the next poll
     * backs off.
     *
     * @param message    why it failed, naming the URL and the rule
     * @param retryAfter what the server asked for with {@code Retry-After}, or null
     */
    public FeedState afterFailure(FeedState state, Instant now, String message, Duration retryAfter) {
        int failures = state.consecutiveFailures() + 1;
        Duration wait = backoff(failures);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return state.toBuilder()
                .lastPoll(now).lastError(now).lastErrorMessage(message).consecutiveFailures(failures)
                .nextPoll(now.plus(wait)).lastNewArticles(0)
                .build();
    }

    /** The jittered wait after {@code failures} failures in a row: in [d/2, d] for d = base * 2^(failures-1), capped. */
    public Duration backoff(int failures) {
        long base = settings.backoffBase().toMillis();
        long cap = settings.maxBackoff().toMillis();
        int doublings = Math.min(Math.max(failures - 1, 0), MAX_DOUBLINGS);
        long full = Math.min(cap, base << doublings);
        long half = full / 2;
        return Duration.ofMillis(half + random.nextLong(full - half + 1));
    }

    private Duration adapt(Duration interval, int newArticles) {
        Duration next = newArticles > 0 ? interval.multipliedBy(2).dividedBy(3) : interval.multipliedBy(3).dividedBy(2);
        return bounded(next);
    }

    private Duration bounded(Duration interval) {
        return PollSettings.clamp(interval, settings.minPollInterval(), settings.maxPollInterval());
    }
}
