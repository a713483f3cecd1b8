package io.newsmon.ingest;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One round of polls with a deadline ({@link Ingester#pollOnce(java.util.List, FeedStates, SeenIds, PageSink,
 * Duration)}): at the deadline the round ends, and the threads that are fetching then (most of them
 * waiting for their host's turn, which a {@code Crawl-delay} can put minutes away) are interrupted, so
 * that their feeds and pages are left for the next round instead of being waited for.
 *
 * <p>Only {@link #fetching} is interrupted: a page fetched before the deadline is still delivered, since a
 * thread that leaves {@code fetching} after the round ended has its interrupt cleared.
 */
final class Round {
    /** A round without a deadline, as the continuous polls are. */
    static final Round ENDLESS = new Round(null);

    private final long deadline;
    private final boolean bounded;
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<Thread> fetching = new HashSet<>();
    private volatile boolean ended;

    /** @param deadline how long the round may fetch from now; null for no deadline */
    Round(Duration deadline) {
        this.bounded = deadline != null;
        this.deadline = bounded ? System.nanoTime() + deadline.toNanos() : 0;
    }

    /** Whether the round has ended: no fetch starts after this. */
    boolean ended() {
        return ended;
    }

    /** Runs {@code fetch} on this thread, which the end of the round interrupts. */
    <T> T fetching(Supplier<T> fetch) {
        if (!bounded) {
            return fetch.get();
        }
        Thread self = Thread.currentThread();
        lock.lock();
        try {
            fetching.add(self);
        } finally {
            lock.unlock();
        }
        try {
            return fetch.get();
        } finally {
            lock.lock();
            try {
                fetching.remove(self);
                if (ended) {
                    Thread.interrupted(); // the end of the round may have interrupted a fetch that had finished
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Waits for {@code task} (a feed's poll, or a page's delivery), ending the round when its deadline comes
     * first, then waits for the task to give up what it was fetching.
     *
     * @throws IllegalStateException when interrupted, or when the task failed unexpectedly
     */
    <T> T await(Future<T> task) {
        try {
            if (bounded && !ended) {
                try {
                    return task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    end();
                }
            }
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a poll or a page", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an ingest task failed unexpectedly", e.getCause());
        }
    }

    private void end() {
        lock.lock();
        try {
            ended = true;
            fetching.forEach(Thread::interrupt);
        } finally {
            lock.unlock();
        }
    }
}
