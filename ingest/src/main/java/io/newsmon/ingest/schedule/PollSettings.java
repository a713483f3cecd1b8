package io.newsmon.ingest.schedule;

import java.time.Duration;

/**
 * How often feeds are polled and how failures back off.
 *
 * @param minInterval     the shortest interval between two polls of a feed; default 5 min
 * @param maxInterval     the longest; default 2 h. The interval adapts between the two: shorter after a
 *                        poll that found new articles, longer after one that found none. A feed's
 *                        {@code Cache-Control: max-age}, {@code Expires} or RSS {@code <ttl>} can push
 *                        the next poll later, but never past this
 * @param initialInterval the interval a feed starts from; default 15 min, within the bounds
 * @param backoffBase     the wait after a first failure; default 1 min. Each further failure doubles it,
 *                        with jitter (between half and all of it), and a feed is retried forever
 * @param backoffCap      the longest wait after failures; default 1 h
 */
public record PollSettings(Duration minInterval, Duration maxInterval, Duration initialInterval,
                           Duration backoffBase, Duration backoffCap) {
    public PollSettings {
        requirePositive(minInterval, "minInterval");
        requirePositive(maxInterval, "maxInterval");
        requirePositive(initialInterval, "initialInterval");
        requirePositive(backoffBase, "backoffBase");
        requirePositive(backoffCap, "backoffCap");
        if (maxInterval.compareTo(minInterval) < 0) {
            throw new IllegalArgumentException("poll maxInterval " + maxInterval + " must be at least minInterval "
                    + minInterval);
        }
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("poll backoffCap " + backoffCap + " must be at least backoffBase "
                    + backoffBase);
        }
        initialInterval = clamp(initialInterval, minInterval, maxInterval);
    }

    /** 5 min to 2 h, starting at 15 min; failures back off from 1 min up to 1 h. */
    public static PollSettings defaults() {
        return new PollSettings(Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofMinutes(15),
                Duration.ofMinutes(1), Duration.ofHours(1));
    }

    /** These settings with other interval bounds; the initial interval is kept within them. */
    public PollSettings withIntervals(Duration min, Duration max) {
        return new PollSettings(min, max, initialInterval, backoffBase, backoffCap);
    }

    /** These settings with another backoff. */
    public PollSettings withBackoff(Duration base, Duration cap) {
        return new PollSettings(minInterval, maxInterval, initialInterval, base, cap);
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
