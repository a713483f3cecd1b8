package io.newsmon.store.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test sets by hand (test-only seam for {@code stored_at}). */
final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(String now) {
        this.now = Instant.parse(now);
    }

    void set(String time) {
        now = Instant.parse(time);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("TestClock is UTC only");
    }
}
