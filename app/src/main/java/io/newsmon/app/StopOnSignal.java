package io.newsmon.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT/SIGTERM into an interrupt of the thread that installed it, and waits (up to 30 s) until that
 * thread has closed this, so that a stopped {@code run} shuts its stages and broker down cleanly. Open it
 * first in a try-with-resources block: it is then closed last, after everything else.
 */
final class StopOnSignal implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Thread worker;
    private final Thread hook;
    private final CountDownLatch closed = new CountDownLatch(1);

    private StopOnSignal(Thread worker) {
        this.worker = worker;
        this.hook = new Thread(this::stop, "newsmon-shutdown");
    }

    static StopOnSignal install() {
        StopOnSignal stop = new StopOnSignal(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    private void stop() {
        if (closed.getCount() == 0) {
            return;
        }
        worker.interrupt();
        try {
            closed.await(GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already stopping; the hook is running or done.
        }
    }
}
