package io.newsmon.ingest.schedule;

import java.time.Duration;

/**
 * How often feeds are polled and how failures back off.
 *
 * @param minPollInterval the shortest interval between two polls of a feed; default 5 min
 * @param maxPollInterval the longest; default 2 h. The interval adapts between the two: shorter after a
 *                        poll that found new articles, longer after one that found none. A feed's
 *                        {@code Cache-Control: max-age}, {@code Expires} or RSS {@code <ttl>} can push
 *                        the next poll later, but never past this
 * @param pollInterval    the interval a feed starts from; default 15 min, within the bounds
 * @param backoffBase     the wait after a first failure; default 1 min. Each further failure doubles it,
 *                        with jitter (between half and all of it), and a feed is retried forever
 * @param maxBackoff      the longest wait after failures; default 1 h
 */
public record PollSettings(Duration minPollInterval, Duration maxPollInterval, Duration pollInterval,
                           Duration backoffBase, Duration maxBackoff) {
    public PollSettings {
        requirePositive(minPollInterval, "minPollInterval");
        requirePositive(maxPollInterval, "maxPollInterval");
        requirePositive(pollInterval, "pollInterval");
        requirePositive(backoffBase, "backoffBase");
        requirePositive(maxBackoff, "maxBackoff");
        if (maxPollInterval.compareTo(minPollInterval) < 0) {
            throw new IllegalArgumentException("poll maxPollInterval " + maxPollInterval
                    + " must be at least minPollInterval " + minPollInterval);
        }
        if (maxBackoff.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("poll maxBackoff " + maxBackoff + " must be at least backoffBase "
                    + backoffBase);
        }
        pollInterval = clamp(pollInterval, minPollInterval, maxPollInterval);
    }

    /** 5 min to 2 h, starting at 15 min; failures back off from 1 min up to 1 h. */
    public static PollSettings defaults() {
        return new PollSettings(Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofMinutes(15),
                Duration.ofMinutes(1), Duration.ofHours(1));
    }

    /** These settings with other interval bounds; the starting interval is kept within them. */
    public PollSettings withIntervals(Duration min, Duration max) {
        return new PollSettings(min, max, pollInterval, backoffBase, maxBackoff);
    }

    /** These settings with another backoff. */
    public PollSettings withBackoff(Duration base, Duration max) {
        return new PollSettings(minPollInterval, maxPollInterval, pollInterval, base, max);
    }

    static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("poll " + name + " " + value + " must be a positive duration");
        }
    }
}
