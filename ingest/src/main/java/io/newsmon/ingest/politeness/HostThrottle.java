package io.newsmon.ingest.politeness;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs requests so that each host gets at most one at a time, with at least {@code delay} between the
 * end of one request to a host and the start of the next; requests to different hosts do not wait for
 * each other. Callers block (meant for virtual threads; the locks do not pin them).
 *
 * <p>Example: {@code throttle.call("example.org", () -> fetcher.fetch(url))}.
 */
public final class HostThrottle {
    private final Duration delay;
    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

    /** @param delay the pause between two requests to one host; zero for none */
    public HostThrottle(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("per-host delay " + delay + " must be zero or positive");
        }
        this.delay = delay;
    }

    /**
     * Runs {@code request} when {@code host} is free and has rested; returns its result.
     *
     * @throws InterruptedException when interrupted while waiting for the host
     */
    public <T> T call(String host, Supplier<T> request) throws InterruptedException {
        Slot slot = slots.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Slot());
        slot.lock.lockInterruptibly();
        try {
            slot.rest(delay);
            return request.get();
        } finally {
            slot.lastEnd = System.nanoTime();
            slot.lock.unlock();
        }
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock(true);
        long lastEnd;
        boolean used;

        void rest(Duration delay) throws InterruptedException {
            if (used) {
                long wait = delay.toNanos() - (System.nanoTime() - lastEnd);
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
            }
            used = true;
        }
    }
}
