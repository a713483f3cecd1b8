package io.newsmon.ingest.politeness;

import static io.newsmon.ingest.politeness.ScriptedFetch.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostThrottleTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private final ManualClock clock = new ManualClock(NOW);

    @Test
    void sendsOneRequestAtATimeToAHost() throws Exception {
        HostThrottle throttle = new HostThrottle(Duration.ZERO);

        assertThat(maxInFlight(throttle, "news.example.org", 8)).isEqualTo(1);
    }

    @Test
    void pausesFromTheEndOfOneRequestToTheStartOfTheNext() throws InterruptedException {
        HostThrottle throttle = new HostThrottle(Duration.ofMillis(150));
        List<Long> starts = new ArrayList<>();
        List<Long> ends = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            throttle.call("News.Example.org", () -> {
                starts.add(System.nanoTime());
                sleep(50);
                return ends.add(System.nanoTime());
            });
        }

        assertThat(Duration.ofNanos(starts.get(1) - ends.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(Duration.ofNanos(starts.get(2) - ends.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void letsDifferentHostsGoInParallel() throws Exception {
        HostThrottle throttle = new HostThrottle(Duration.ofSeconds(10));
        CyclicBarrier bothInside = new CyclicBarrier(2);

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> a = threads.submit(() -> throttle.call("a.example", () -> await(bothInside)));
            Future<Integer> b = threads.submit(() -> throttle.call("b.example", () -> await(bothInside)));

            assertThat(a.get(5, TimeUnit.SECONDS) + b.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    @Test
    void letsTwoRequestsToAHostRunTogetherWhenTwoAreAllowed() throws Exception {
        HostThrottle throttle = new HostThrottle(settings(Duration.ZERO, 2), clock);
        CyclicBarrier bothInside = new CyclicBarrier(2);

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> a = threads.submit(() -> throttle.call("news.example.org", () -> await(bothInside)));
            Future<Integer> b = threads.submit(() -> throttle.call("news.example.org", () -> await(bothInside)));

            assertThat(a.get(5, TimeUnit.SECONDS) + b.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    @Test
    void neverSendsMoreRequestsAtATimeThanAllowed() throws Exception {
        HostThrottle throttle = new HostThrottle(settings(Duration.ZERO, 2), clock);

        assertThat(maxInFlight(throttle, "news.example.org", 8)).isLessThanOrEqualTo(2);
    }

    @Test
    void spacesTheStartsOfConcurrentRequests() throws Exception {
        HostThrottle throttle = new HostThrottle(settings(Duration.ofMillis(100), 3), clock);
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 3; i++) {
                threads.submit(() -> throttle.call("news.example.org", () -> starts.add(System.nanoTime())));
            }
        }

        List<Long> sorted = starts.stream().sorted().toList();
        assertThat(Duration.ofNanos(sorted.get(1) - sorted.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.ofNanos(sorted.get(2) - sorted.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aLongerCrawlDelayWinsOverThePerHostDelay() throws InterruptedException {
        HostThrottle throttle = new HostThrottle(settings(Duration.ZERO, 1), clock);
        throttle.setCrawlDelay("News.Example.org", Duration.ofMillis(150));
        List<Long> starts = new ArrayList<>();

        throttle.call("news.example.org", () -> starts.add(System.nanoTime()));
        throttle.call("news.example.org", () -> starts.add(System.nanoTime()));

        assertThat(throttle.delayOf("NEWS.example.org")).isEqualTo(Duration.ofMillis(150));
        assertThat(Duration.ofNanos(starts.get(1) - starts.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void capsTheCrawlDelayAndNeverGoesBelowThePerHostDelay() {
        HostThrottle throttle = new HostThrottle(PolitenessSettings.defaults(), clock);
        throttle.setCrawlDelay("slow.example.org", Duration.ofHours(1));
        throttle.setCrawlDelay("fast.example.org", Duration.ofMillis(100));

        assertThat(throttle.delayOf("slow.example.org")).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.delayOf("fast.example.org")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delayOf("unknown.example.org")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void capsADeferralAtMaxRetryAfterAndKeepsTheLaterOfTwo() {
        HostThrottle throttle = new HostThrottle(PolitenessSettings.defaults(), clock);

        assertThat(throttle.deferUntil("news.example.org", NOW.plus(Duration.ofHours(5)))).isEqualTo(NOW.plusSeconds(3600));
        assertThat(throttle.deferUntil("News.example.org", NOW.plusSeconds(60))).isEqualTo(NOW.plusSeconds(3600));
        assertThat(throttle.deferredUntil("news.example.org")).contains(NOW.plusSeconds(3600));
        assertThat(throttle.deferredUntil("other.example.org")).isEmpty();
    }

    @Test
    void forgetsADeferralOnceItHasPassed() {
        HostThrottle throttle = new HostThrottle(PolitenessSettings.defaults(), clock);
        throttle.deferUntil("news.example.org", NOW.plusSeconds(120));

        clock.advance(Duration.ofSeconds(120));

        assertThat(throttle.deferredUntil("news.example.org")).isEmpty();
    }

    @Test
    void doesNotRunARequestToAHostDeferredBeyondMaxWait() throws InterruptedException {
        HostThrottle throttle = new HostThrottle(PolitenessSettings.defaults(), clock);
        throttle.deferUntil("news.example.org", NOW.plusSeconds(31));
        AtomicBoolean ran = new AtomicBoolean();

        String outcome = throttle.call("news.example.org", () -> "ran " + ran.getAndSet(true), until -> "deferred until " + until);

        assertThat(outcome).isEqualTo("deferred until 2025-03-01T10:00:31Z");
        assertThat(ran).isFalse();
        assertThat(throttle.call("other.example.org", () -> "ran", until -> "deferred")).isEqualTo("ran");
    }

    @Test
    void waitsOutADeferralThatEndsWithinMaxWait() throws InterruptedException {
        HostThrottle throttle = new HostThrottle(settings(Duration.ZERO, 1), clock);
        throttle.deferUntil("news.example.org", NOW.plusMillis(300));

        long start = System.nanoTime();
        String outcome = throttle.call("news.example.org", () -> "ran", until -> "deferred");

        assertThat(outcome).isEqualTo("ran");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void theOldTwoArgumentCallRefusesAHostDeferredBeyondMaxWait() {
        HostThrottle throttle = new HostThrottle(PolitenessSettings.defaults(), clock);
        throttle.deferUntil("news.example.org", NOW.plusSeconds(120));

        assertThatThrownBy(() -> throttle.call("news.example.org", () -> "ran"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("news.example.org is deferred until 2025-03-01T10:02:00Z, beyond politeness maxWait PT30S");
    }

    @Test
    void refusesANegativeDelay() {
        assertThatThrownBy(() -> new HostThrottle(Duration.ofMillis(-1)))
                .hasMessage("politeness perHostDelay PT-0.001S must be zero or positive");
    }

    private static PolitenessSettings settings(Duration delay, int maxConcurrent) {
        return new PolitenessSettings(delay, maxConcurrent, false, "newsmon", Duration.ofSeconds(30),
                Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofHours(24));
    }

    private static int maxInFlight(HostThrottle throttle, String host, int requests) throws InterruptedException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                threads.submit(() -> throttle.call(host, () -> {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    sleep(30);
                    return inFlight.decrementAndGet();
                }));
            }
        }
        return maxInFlight.get();
    }

    private static int await(CyclicBarrier barrier) {
        try {
            return barrier.await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other request did not run at the same time", e);
        }
    }
}
