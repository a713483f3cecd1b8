package io.newsmon.ingest.politeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HostThrottleTest {

    @Test
    void sendsOneRequestAtATimeToAHost() throws Exception {
        HostThrottle throttle = new HostThrottle(Duration.ZERO);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                threads.submit(() -> throttle.call("news.example.org", () -> {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    sleep(10);
                    return inFlight.decrementAndGet();
                }));
            }
        }

        assertThat(maxInFlight.get()).isEqualTo(1);
    }

    @Test
    void pausesBetweenTwoRequestsToAHost() throws InterruptedException {
        HostThrottle throttle = new HostThrottle(Duration.ofMillis(150));
        List<Long> starts = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            throttle.call("News.Example.org", () -> starts.add(System.nanoTime()));
        }

        assertThat(Duration.ofNanos(starts.get(1) - starts.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(Duration.ofNanos(starts.get(2) - starts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(150));
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
    void refusesANegativeDelay() {
        assertThatThrownBy(() -> new HostThrottle(Duration.ofMillis(-1)))
                .hasMessage("per-host delay PT-0.001S must be zero or positive");
    }

    private static int await(CyclicBarrier barrier) {
        try {
            return barrier.await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other host's request did not run in parallel", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
