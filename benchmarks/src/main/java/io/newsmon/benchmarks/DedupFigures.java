package io.newsmon.benchmarks;

import io.newsmon.enrich.dedup.FingerprintIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Prints the near-duplicate figures we report, with their verdicts:
 * <ul>
 *   <li>bytes per remembered original at 10,000 and 1,000,000: what {@link FingerprintIndex#bytes()}
 *       counts, and the heap the filled index holds, measured after a full collection in this JVM (an index
 *       of 10,000 is measured as 20 copies, so that the heap's noise is shared out) (bar: at most
 *       {@value #BYTES_BAR});</li>
 *   <li>fingerprint-and-lookup time per article at both sizes, from {@link DedupBenchmark} run with JMH,
 *       and their ratio (which should stay near 1).</li>
 * </ul>
 * Takes about a minute and a half and 2 GB of heap ({@code -Xmx2g}). JMH options given as arguments are
 * passed on. Example: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar io.newsmon.benchmarks.DedupFigures}.
 */
public final class DedupFigures {
    /** The most heap bytes an original may take. */
    public static final int BYTES_BAR = 64;
    private static final int[] SIZES = {10_000, 1_000_000};

    private DedupFigures() {
    }

    public static void main(String[] args) throws RunnerException {
        CommandLineOptions cli;
        try {
            cli = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("DedupFigures: " + e.getMessage() + " (arguments are JMH's options)");
            System.exit(2);
            return;
        }
        StringBuilder memory = new StringBuilder();
        for (int size : SIZES) {
            memory.append(memory(size));
        }
        System.out.print(memory);
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(cli)
                .include(DedupBenchmark.class.getName() + "\\.").build()).run();
        Map<String, Double> micros = new TreeMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            micros.put(method.substring(method.lastIndexOf('.') + 1) + ":" + result.getParams().getParam("remembered"),
                    result.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.print(memory);
        for (int size : SIZES) {
            System.out.printf(Locale.ROOT, "  %,9d remembered: fingerprint %.1f µs, fingerprint and look-up %.1f µs per article%n",
                    size, micros.getOrDefault("fingerprint:" + size, Double.NaN),
                    micros.getOrDefault("fingerprintAndLookUp:" + size, Double.NaN));
        }
        double ratio = micros.getOrDefault("fingerprintAndLookUp:" + SIZES[1], Double.NaN)
                / micros.getOrDefault("fingerprintAndLookUp:" + SIZES[0], Double.NaN);
        System.out.printf(Locale.ROOT, "fingerprint and look-up at 1,000,000 remembered take %.2f times as long as at"
                + " 10,000 (should stay near 1)%n", ratio);
    }

    /** The memory line of an index of {@code size} originals. */
    static String memory(int size) {
        Runtime runtime = Runtime.getRuntime();
        // Small indexes are measured several at a time, so that the heap's noise is shared out.
        int copies = Math.max(1, 200_000 / size);
        long before = used(runtime);
        List<FingerprintIndex> indexes = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            FingerprintIndex copy = new FingerprintIndex(DedupBenchmark.WINDOW);
            DedupBenchmark.fill(copy, size, DedupBenchmark.NOW);
            indexes.add(copy);
        }
        long after = used(runtime);
        FingerprintIndex index = indexes.getFirst();
        double counted = (double) index.bytes() / index.size();
        double measured = (double) (after - before) / indexes.stream().mapToLong(FingerprintIndex::size).sum();
        String line = String.format(Locale.ROOT, "  %,9d remembered in %d segments: %.1f bytes each counted, %.1f"
                        + " measured on the heap (bar: at most %d): %s%n", index.size(), index.segmentCount(), counted,
                measured, BYTES_BAR, Math.max(counted, measured) <= BYTES_BAR ? "met" : "MISSED");
        if (index.size() == 0) {
            throw new IllegalStateException("the index is empty");
        }
        return line;
    }

    private static long used(Runtime runtime) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
