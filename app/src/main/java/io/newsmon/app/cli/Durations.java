package io.newsmon.app.cli;

import java.time.Duration;

/** Durations for people. */
public final class Durations {
    private Durations() {
    }

    /** {@code duration} for people: {@code 90 s}, {@code 15 min}, {@code 2 h}. */
    public static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        return seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }
}
