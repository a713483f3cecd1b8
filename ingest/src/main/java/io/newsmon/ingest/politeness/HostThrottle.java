package io.newsmon.ingest.politeness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs requests so that no host is asked too often, while different hosts are served in parallel.
 * Hosts are host names, compared case-insensitively; pass the host without the port.
 *
 * <ul>
 *   <li>At most {@link PolitenessSettings#perHostConnections()} requests are in flight to a host.</li>
 *   <li>Two requests to a host are at least {@link #delayOf(String) its delay} apart: the larger of
 *       {@link PolitenessSettings#perHostDelay()} and the host's {@code Crawl-delay}
 *       ({@link #setCrawlDelay}), the latter capped at {@link PolitenessSettings#maxCrawlDelay()}. With
 *       one request at a time the delay runs from the end of one request to the start of the next; with
 *       more, from one start to the next, since then an "end" no longer orders the requests.</li>
 *   <li>A host that asked us to wait ({@link #deferUntil}, from {@code Retry-After}) gets no request
 *       before then: a request waits when the deferral ends within {@link PolitenessSettings#maxWait()},
 *       and otherwise is not run at all.</li>
 * </ul>
 *
 * <p>Callers block; locks and semaphores (never {@code synchronized}) keep virtual threads unpinned.
 * Deferrals are read from the injected clock; the pauses between requests use {@link System#nanoTime()}.
 * One small record is kept per host ever seen.
 *
 * <p>Example: {@code throttle.call("example.org", () -> fetcher.fetch(url), until -> tooBusy(url, until))}.
 */
public final class HostThrottle {
    private final PolitenessSettings settings;
    private final Clock clock;
    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

    /**
     * @param settings the delay, requests per host, and the caps on {@code Crawl-delay},
     *                 {@code Retry-After} and waiting
     * @param clock    tells when a deferral ends
     */
    public HostThrottle(PolitenessSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One request at a time per host, {@code delay} from the end of one to the start of the next, the
     * other {@link PolitenessSettings#defaults()}, and the system clock.
     *
     * @param delay the pause between two requests to one host; zero for none
     */
    public HostThrottle(Duration delay) {
        this(PolitenessSettings.defaults().withPerHostDelay(delay), Clock.systemUTC());
    }

    /**
     * Runs {@code request} when {@code host} has a free slot, has rested and is not deferred; returns its
     * result. When the host is deferred beyond {@code maxWait}, returns {@code whenDeferred} applied to the
     * end of the deferral instead, without waiting and without running {@code request}.
     *
     * @throws InterruptedException when interrupted while waiting for the host
     */
    public <T> T call(String host, Supplier<T> request, Function<Instant, T> whenDeferred)
            throws InterruptedException {
        Slot slot = slots.computeIfAbsent(key(host), h -> new Slot(settings.perHostConnections()));
        Optional<Instant> tooLate = deferredBeyondWait(slot);
        if (tooLate.isPresent()) {
            return whenDeferred.apply(tooLate.get());
        }
        slot.permits.acquire();
        try {
            // a request that ran while this one waited for its slot may have been told to wait
            tooLate = deferredBeyondWait(slot);
            if (tooLate.isPresent()) {
                return whenDeferred.apply(tooLate.get());
            }
            sleepUntil(slot.deferredUntil.get());
            Duration delay = delayOf(slot);
            slot.awaitTurn(delay);
            try {
                return request.get();
            } finally {
                slot.finished(delay);
            }
        } finally {
            slot.permits.release();
        }
    }

    /**
     * Like {@link #call(String, Supplier, Function)}, for callers that never defer a host.
     *
     * @throws IllegalStateException when the host is deferred beyond {@code maxWait}
     * @throws InterruptedException  when interrupted while waiting for the host
     */
    public <T> T call(String host, Supplier<T> request) throws InterruptedException {
        return call(host, request, until -> {
            throw new IllegalStateException(host + " is deferred until " + until + ", beyond politeness maxWait "
                    + settings.maxWait());
        });
    }

    /**
     * Sends no request to {@code host} before {@code until}, or before now plus {@code maxRetryAfter} if
     * that is sooner; a later deferral already in place is kept.
     *
     * @return the end of the deferral now in place
     */
    public Instant deferUntil(String host, Instant until) {
        Instant capped = min(until, clock.instant().plus(settings.maxRetryAfter()));
        Slot slot = slots.computeIfAbsent(key(host), h -> new Slot(settings.perHostConnections()));
        return slot.deferredUntil.accumulateAndGet(capped, HostThrottle::max);
    }

    /** When the deferral of {@code host} ends, or empty when it is not deferred now. */
    public Optional<Instant> deferredUntil(String host) {
        Slot slot = slots.get(key(host));
        Instant until = slot == null ? Instant.MIN : slot.deferredUntil.get();
        return until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
    }

    /** Records the {@code Crawl-delay} of {@code host} from its {@code robots.txt}; null or zero for none. */
    public void setCrawlDelay(String host, Duration crawlDelay) {
        Slot slot = slots.computeIfAbsent(key(host), h -> new Slot(settings.perHostConnections()));
        slot.crawlDelay = crawlDelay == null || crawlDelay.isNegative() ? Duration.ZERO : crawlDelay;
    }

    /** The pause between two requests to {@code host}: {@code perHostDelay} or its capped {@code Crawl-delay}. */
    public Duration delayOf(String host) {
        Slot slot = slots.get(key(host));
        return slot == null ? settings.perHostDelay() : delayOf(slot);
    }

    private Duration delayOf(Slot slot) {
        return max(settings.perHostDelay(), min(slot.crawlDelay, settings.maxCrawlDelay()));
    }

    private Optional<Instant> deferredBeyondWait(Slot slot) {
        Instant until = slot.deferredUntil.get();
        return until.isAfter(clock.instant().plus(settings.maxWait())) ? Optional.of(until) : Optional.empty();
    }

    private void sleepUntil(Instant until) throws InterruptedException {
        Duration rest = Duration.between(clock.instant(), until);
        if (rest.isPositive()) {
            Thread.sleep(rest);
        }
    }

    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    private static <C extends Comparable<? super C>> C min(C a, C b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static <C extends Comparable<? super C>> C max(C a, C b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The state of one host. */
    private static final class Slot {
        final Semaphore permits;
        final boolean endToStart;
        final ReentrantLock spacing = new ReentrantLock(true);
        final AtomicReference<Instant> deferredUntil = new AtomicReference<>(Instant.MIN);
        volatile Duration crawlDelay = Duration.ZERO;
        /** The earliest {@link System#nanoTime()} of the next start; guarded by {@link #spacing}. */
        long nextStart = System.nanoTime();

        Slot(int maxConcurrent) {
            this.permits = new Semaphore(maxConcurrent, true);
            this.endToStart = maxConcurrent == 1;
        }

        /** Waits until {@link #nextStart}, then books the next start {@code delay} from now. */
        void awaitTurn(Duration delay) throws InterruptedException {
            spacing.lockInterruptibly();
            try {
                long wait = nextStart - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                nextStart = System.nanoTime() + delay.toNanos();
            } finally {
                spacing.unlock();
            }
        }

        /** With one request at a time, the next may start only {@code delay} after this one ended. */
        void finished(Duration delay) {
            if (endToStart) {
                spacing.lock();
                try {
                    nextStart = System.nanoTime() + delay.toNanos();
                } finally {
                    spacing.unlock();
                }
            }
        }
    }
}
