package io.newsmon.kafka;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processing budget of one record: runs a record's work on a worker thread and waits for it at most
 * {@code limit}, so that no record, whatever it holds, can stall its stage. The caller branches on the
 * {@link Outcome}: the work's value, the error it threw (any {@link Throwable}, a
 * {@link StackOverflowError} included), or {@link Outcome.OverBudget} when it took longer. A stage
 * dead-letters the record in the last two cases and goes on with the next.
 *
 * <p>Java cannot stop a thread, so work over its budget is interrupted and abandoned: its thread goes on
 * until the work ends (work that checks {@link Thread#isInterrupted()} ends soon) and the next record runs
 * on a new thread. {@link #abandoned()} counts the abandoned threads still running. Work must therefore not
 * touch state the stage thread uses; stages run their pure part (decoding, parsing, extracting) within the
 * budget and apply its result on their own thread.
 *
 * <p>The worker is a platform thread (a CPU-bound runaway must not hold one of the few carriers of virtual
 * threads) with a {@value #STACK_BYTES}-byte stack, so that deeply nested pages do not overflow it.
 *
 * <p>Example: {@code budget.run(() -> enricher.analyse(page))} with {@code new RecordBudget("enrich",
 * Duration.ofSeconds(30))}.
 */
public final class RecordBudget implements AutoCloseable {
    /** The stack of a worker thread: 16 MiB. */
    static final long STACK_BYTES = 16L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(RecordBudget.class);

    /** What became of one record's work. */
    public sealed interface Outcome<T> {
        /** The work returned {@code value} within the budget. */
        record Done<T>(T value) implements Outcome<T> {
        }

        /** The work threw {@code error} within the budget. */
        record Failed<T>(Throwable error) implements Outcome<T> {
        }

        /** The work did not end within {@code budget}; it was interrupted and abandoned. */
        record OverBudget<T>(Duration budget) implements Outcome<T> {
        }
    }

    private final String stage;
    private final Duration limit;
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final Set<Thread> abandoned = ConcurrentHashMap.newKeySet();
    private volatile Thread current;
    private ExecutorService worker;

    /**
     * @param stage the stage's name, for thread names and logs, for example {@code enrich}
     * @param limit the longest a record's work may take, for example 30 s
     */
    public RecordBudget(String stage, Duration limit) {
        if (limit == null || !limit.isPositive()) {
            throw new IllegalArgumentException(stage + ": record budget " + limit + " must be positive");
        }
        this.stage = stage;
        this.limit = limit;
    }

    /** The longest a record's work may take. */
    public Duration limit() {
        return limit;
    }

    /**
     * Runs {@code work} and waits for it at most the budget. Not thread-safe: one stage thread calls it.
     *
     * @throws InterruptedException when the calling thread is interrupted while it waits; the work is
     *                              then interrupted and abandoned too
     */
    public <T> Outcome<T> run(Callable<T> work) throws InterruptedException {
        Future<T> future = worker().submit(work);
        try {
            return new Outcome.Done<>(future.get(limit.toNanos(), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            return new Outcome.Failed<>(e.getCause());
        } catch (TimeoutException e) {
            abandon(future);
            LOG.warn("{}: a record's work took longer than its budget of {} and was abandoned ({} abandoned"
                    + " thread{} still running)", stage, limit, abandoned(), abandoned() == 1 ? "" : "s");
            return new Outcome.OverBudget<>(limit);
        } catch (InterruptedException e) {
            abandon(future);
            throw e;
        }
    }

    /** Interrupts the work and leaves its thread to end on its own; the next work gets a new thread. */
    private void abandon(Future<?> future) {
        future.cancel(true);
        Thread thread = current;
        if (thread != null && thread.isAlive()) {
            abandoned.add(thread);
        }
        worker.shutdownNow();
        worker = null;
    }

    /** The threads of abandoned work that are still running. */
    public int abandoned() {
        abandoned.removeIf(thread -> !thread.isAlive());
        return abandoned.size();
    }

    private ExecutorService worker() {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(null, task, "newsmon-" + stage + "-record-" + threadNumber.incrementAndGet(),
                        STACK_BYTES);
                thread.setDaemon(true);
                current = thread;
                return thread;
            });
        }
        return worker;
    }

    /** Stops the worker; abandoned threads are left to end on their own. */
    @Override
    public void close() {
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
    }
}
