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
}
