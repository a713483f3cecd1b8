package io.newsmon.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches this JVM's memory and threads while a benchmark runs: samples the heap in use every
 * {@link #EVERY} on a daemon thread and keeps the highest, and reads the JVM's own peak of live
 * platform threads. Virtual threads are not counted: the JVM does not report them as threads.
 *
 * <p>Example: {@code try (MemorySampler memory = MemorySampler.start()) { work(); memory.figures(); }}
 */
final class MemorySampler implements AutoCloseable {
    /** How often the heap is sampled: 50 ms. */
    static final Duration EVERY = Duration.ofMillis(50);

    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    /**
     * What the process used.
     *
     * @param peakHeapBytes       the most heap in use at any sample since the last reset, in bytes
     * @param heapAfterGcBytes    the heap in use just after a full garbage collection, in bytes
     * @param peakPlatformThreads the most live platform threads since the last reset
     * @param peakRssBytes        the process's peak resident set size ({@code VmHWM}), in bytes, or empty
     *                            where {@code /proc/self/status} does not exist
     */
    record Figures(long peakHeapBytes, long heapAfterGcBytes, int peakPlatformThreads, OptionalLong peakRssBytes) {
    }

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong peakHeap = new AtomicLong();
    private final Thread sampler;

    private MemorySampler() {
        reset();
        sampler = Thread.ofPlatform().daemon().name("bench-memory-sampler").unstarted(this::sampleUntilInterrupted);
    }

    /** Starts sampling. */
    static MemorySampler start() {
        MemorySampler sampler = new MemorySampler();
        sampler.sampler.start();
        return sampler;
    }

    /** Forgets the peaks seen so far. */
    void reset() {
        peakHeap.set(heapUsed());
        threads.resetPeakThreadCount();
    }

    /**
     * The peaks since the last reset, and the heap in use after a full collection now; whatever is still
     * reachable then (the ingester's state, the site) counts.
     */
    Figures figures() {
        sample();
        long peak = peakHeap.get();
        int peakThreads = threads.getPeakThreadCount();
        memory.gc();
        return new Figures(peak, heapUsed(), peakThreads, peakRss());
    }

    private void sampleUntilInterrupted() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                sample();
                Thread.sleep(EVERY);
            }
        } catch (InterruptedException e) {
            // closed: stop sampling
        }
    }

    private void sample() {
        peakHeap.accumulateAndGet(heapUsed(), Math::max);
    }

    private long heapUsed() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** {@code VmHWM} of {@code /proc/self/status}, in bytes, or empty where there is no such file or line. */
    static OptionalLong peakRss() {
        try {
            return Files.readAllLines(PROC_STATUS).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.substring("VmHWM:".length()).strip())
                    .filter(value -> value.endsWith(" kB"))
                    .mapToLong(value -> Long.parseLong(value.substring(0, value.length() - 3).strip()) * 1024)
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Stops sampling. */
    @Override
    public void close() {
        sampler.interrupt();
    }
}
