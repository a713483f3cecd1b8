package io.newsmon.app;

import java.time.Duration;

/** Checks of duration options, so that a bad value fails before anything starts. */
final class Durations {
    private Durations() {
    }

    static void requireAtLeast(String option, Duration value, Duration minimum) {
        if (value.compareTo(minimum) < 0) {
            throw new IllegalArgumentException("Invalid value " + value + " for " + option + ": must be at least "
                    + minimum + " (ISO-8601, for example PT1S or PT15M)");
        }
    }

    static void requirePositive(String option, Duration value) {
        requireAtLeast(option, value, Duration.ofMillis(1));
    }

    /** {@code duration} for people: {@code 90 s}, {@code 15 min}, {@code 2 h}. */
    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        return seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }
}
