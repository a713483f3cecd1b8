package io.newsmon.app.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGINT/SIGTERM into a stop request, and waits (up to 30 s) until the thread that installed it has
 * closed this, so that a stopped command shuts its stages down cleanly. Open it first in a
 * try-with-resources block: it is then closed last, after everything else.
 *
 * <p>The request is the action given with {@link #stopWith}: a stage's {@code stop()}, which lets the batch
 * in hand end and commit, so that no transaction is left open and no client is interrupted in the middle of
 * its work. Until an action is given, and when the thread has not closed this {@value #ASK_SECONDS} s after
 * the request, the thread is interrupted instead.
 */
public final class StopOnSignal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StopOnSignal.class);
    private static final long ASK_SECONDS = 20;
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Thread worker;
    private final Thread hook;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Runnable action;

    private StopOnSignal(Thread worker) {
        this.worker = worker;
        this.hook = new Thread(this::stop, "newsmon-shutdown");
    }

    /** Installs the hook for the calling thread, which a signal interrupts until {@link #stopWith} is called. */
    public static StopOnSignal install() {
        StopOnSignal stop = new StopOnSignal(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** From now on a signal runs {@code stop}, which must return at once and make the worker finish soon. */
    public StopOnSignal stopWith(Runnable stop) {
        this.action = stop;
        return this;
    }

    private void stop() {
        if (closed.getCount() == 0) {
            return;
        }
        Runnable requested = action;
        LOG.info("newsmon: stopping on signal{}", requested == null ? "" : " after the work in hand");
        try {
            if (requested == null) {
                worker.interrupt();
            } else {
                requested.run();
                if (!closed.await(ASK_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("newsmon: not stopped {} s after the signal; interrupting", ASK_SECONDS);
                    worker.interrupt();
                }
            }
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
