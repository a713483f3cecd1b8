package io.newsmon.app.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Prints what {@code newsmon bench} measured, one figure a line, for people; sizes in MB of 10^6 bytes.
 *
 * <p>Example line: {@code   pages fetched         10000 of 10000 (failed 0)}.
 */
final class BenchReport {
    /** How many of a pass's error lines are printed. */
    static final int MAX_ERRORS_SHOWN = 5;

    /**
     * The most requests per second politeness allows: each host gets one request at a time, and the next
     * only {@code perHostDelay} after the previous answer, which itself takes at least {@code latency}.
     *
     * @param hosts        how many hosts
     * @param perHostDelay the pause between two requests to one host
     * @param latency      how long the server takes to answer
     */
    record PolitenessBound(int hosts, Duration perHostDelay, Duration latency) {
        /** Requests per second, or empty when delay and latency are both zero and nothing bounds the rate. */
        OptionalDouble requestsPerSecond() {
            long nanos = perHostDelay.plus(latency).toNanos();
            return nanos == 0 ? OptionalDouble.empty() : OptionalDouble.of(hosts * 1e9 / nanos);
        }
    }

    private final PrintWriter out;

    BenchReport(PrintWriter out) {
        this.out = out;
    }

    void header(SiteShape shape, Duration perHostDelay) {
        out.printf(Locale.ROOT, "newsmon bench: %d feeds on %d hosts, %d articles of ~%d KB, latency %s,"
                        + " per-host delay %s, 1 request at a time per host; %d CPUs, max heap %.0f MB, Java %s%n",
                shape.feeds(), shape.hosts(), shape.articles(), shape.pageBytes() / 1024, human(shape.latency()),
                human(perHostDelay), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e6,
                Runtime.version());
        out.flush();
    }

    void firstPass(BenchPass.Result pass, SiteShape shape, PolitenessBound bound, MemorySampler.Figures memory,
                   long siteBytes) {
        out.println("pass 1 (every article new):");
        line("feeds polled", "%d (not modified %d)", pass.report().feeds(), pass.report().feedsNotModified());
        line("pages fetched", "%d of %d", pass.pages(), shape.articles());
        line("failures", "%d feeds, %d pages", pass.report().feedsFailed(), pass.report().pagesFailed());
        requests(pass);
        line("elapsed", "%.2f s", pass.seconds());
        line("throughput", "%.1f pages/s, %.1f MB/s of page text", pass.pages() / pass.seconds(),
                pass.textChars() / 1e6 / pass.seconds());
        politeness(pass, bound);
        line("peak heap used", "%.1f MB (sampled every %s)", memory.peakHeapBytes() / 1e6, human(MemorySampler.EVERY));
        line("heap after full GC", "%.1f MB (the site's documents hold %.1f MB of it)", memory.heapAfterGcBytes() / 1e6,
                siteBytes / 1e6);
        line("peak threads", "%d platform threads (virtual threads are not counted)", memory.peakPlatformThreads());
        line("peak RSS", "%s", memory.peakRssBytes().isPresent()
                ? String.format(Locale.ROOT, "%.1f MB (VmHWM)", memory.peakRssBytes().getAsLong() / 1e6)
                : "unknown (no /proc/self/status)");
        errors(pass);
    }

    void secondPass(BenchPass.Result pass, SiteShape shape) {
        out.println("pass 2 (feeds unchanged):");
        line("elapsed", "%.2f s", pass.seconds());
        requests(pass);
        line("not modified (304)", "%d of %d feeds", pass.report().feedsNotModified(), shape.feeds());
        line("pages fetched", "%d", pass.pages());
        line("failures", "%d feeds, %d pages", pass.report().feedsFailed(), pass.report().pagesFailed());
        errors(pass);
    }

    void verdict(List<String> problems) {
        out.println(problems.isEmpty() ? "result: OK, pass 1 fetched every article and pass 2 fetched none"
                : "result: FAILED, " + String.join("; ", problems));
        out.flush();
    }

    private void requests(BenchPass.Result pass) {
        SyntheticSite.Counts answered = pass.answered();
        line("requests", "%d, %.1f/s (feeds %d, 304 %d, pages %d, robots.txt %d, 404 %d)", answered.requests(),
                answered.requests() / pass.seconds(), answered.feeds(), answered.notModified(), answered.pages(),
                answered.robots(), answered.notFound());
    }

    private void politeness(BenchPass.Result pass, PolitenessBound bound) {
        OptionalDouble limit = bound.requestsPerSecond();
        if (limit.isEmpty()) {
            line("politeness bound", "none (zero per-host delay and latency)");
            return;
        }
        double rate = pass.answered().requests() / pass.seconds();
        line("politeness bound", "%.1f requests/s = %d hosts / (%s delay + %s latency); this run reached %.1f %% of it",
                limit.getAsDouble(), bound.hosts(), human(bound.perHostDelay()), human(bound.latency()),
                100 * rate / limit.getAsDouble());
    }

    private void errors(BenchPass.Result pass) {
        List<String> errors = pass.report().errors();
        errors.stream().limit(MAX_ERRORS_SHOWN).forEach(error -> line("error", "%s", error));
        if (errors.size() > MAX_ERRORS_SHOWN) {
            line("error", "... and %d more", errors.size() - MAX_ERRORS_SHOWN);
        }
    }

    private void line(String label, String format, Object... args) {
        out.printf(Locale.ROOT, "  %-20s %s%n", label, String.format(Locale.ROOT, format, args));
    }

    /** {@code duration} in milliseconds, or seconds from 1 s: {@code 5 ms}, {@code 0.5 ms}, {@code 1.5 s}. */
    static String human(Duration duration) {
        boolean seconds = duration.compareTo(Duration.ofSeconds(1)) >= 0;
        double value = duration.toNanos() / (seconds ? 1e9 : 1e6);
        String number = value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3g", value);
        return number + (seconds ? " s" : " ms");
    }
}
