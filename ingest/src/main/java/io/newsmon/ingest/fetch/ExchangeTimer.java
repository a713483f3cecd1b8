package io.newsmon.ingest.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The two time limits of one fetch, its exchanges one after the other (redirects): the total
 * ({@link FetchSettings#requestTimeout()}), counted from the first request, and the longest silence
 * ({@link FetchSettings#readTimeout()}), counted from sending each request and again from its headers
 * and from each chunk of its body. The JDK's {@code HttpClient} has no idle timeout, so the body handler
 * reports what arrives and {@link #await} waits in slices until one limit is reached. Elapsed time is
 * measured with {@link System#nanoTime()}, not the fetcher's clock, which only dates headers.
 */
final class ExchangeTimer {
    /** About 73 years: longer timeouts are as good as none, and nanosecond sums stay far from overflow. */
    private static final long FOREVER_NANOS = Long.MAX_VALUE / 4;

    private final URI first;
    private final Duration readTimeout;
    private final Duration requestTimeout;
    private final long readNanos;
    private final long requestNanos;
    private final long started;
    private volatile long lastHeard;
    private volatile int status;

    ExchangeTimer(FetchSettings settings, URI first) {
        this.first = first;
        this.readTimeout = settings.readTimeout();
        this.requestTimeout = settings.requestTimeout();
        this.readNanos = nanos(readTimeout);
        this.requestNanos = nanos(requestTimeout);
        this.started = System.nanoTime();
    }

    /** A new request goes out: the silence counts from now, and there is no status yet. */
    void requestSent() {
        status = 0;
        lastHeard = System.nanoTime();
    }

    /** The response headers of the current request arrived with {@code statusCode}. */
    void headersReceived(int statusCode) {
        status = statusCode;
        lastHeard = System.nanoTime();
    }

    /** A chunk of the current body arrived. */
    void chunkReceived() {
        lastHeard = System.nanoTime();
    }

    /** The status of the current response, or 0 before its headers arrive. */
    int status() {
        return status;
    }

    /**
     * The value of {@code exchange} with {@code uri}, once it completes.
     *
     * @throws TimeoutException when the server stays silent too long or the fetch runs out of time; its
     *                          message names the host and the setting. The caller cancels the exchange.
     */
    <T> T await(URI uri, CompletableFuture<T> exchange)
            throws ExecutionException, InterruptedException, TimeoutException {
        while (true) {
            long now = System.nanoTime();
            long untilDeadline = requestNanos - (now - started);
            long wait = Math.min(untilDeadline, readNanos - (now - lastHeard));
            if (wait <= 0 && !exchange.isDone()) {
                throw new TimeoutException(untilDeadline <= 0
                        ? FetchFailures.timedOut(uri, first, requestTimeout)
                        : FetchFailures.silent(uri, readTimeout, status != 0));
            }
            try {
                return exchange.get(Math.max(wait, 0), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // Look again: chunks that arrived meanwhile push the silence limit back.
            }
        }
    }

    private static long nanos(Duration duration) {
        try {
            return Math.min(duration.toNanos(), FOREVER_NANOS);
        } catch (ArithmeticException e) {
            return FOREVER_NANOS;
        }
    }
}
