package io.newsmon.ingest.fetch;

import io.newsmon.ingest.url.UrlResolver;
import io.newsmon.model.ContentTypes;
import io.newsmon.model.text.Printable;
import io.newsmon.model.url.HttpUrls;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * Fetches one URL at a time per calling thread with the JDK's {@link HttpClient}; safe to share between
 * threads, and meant to be called from virtual threads (it blocks the caller only).
 *
 * <p>Redirects (301, 302, 303, 307, 308) are followed here, up to {@link FetchSettings#maxRedirects()},
 * so each hop goes through the same checks: the host must not resolve to a loopback or private address
 * unless {@link FetchSettings#allowPrivateAddresses()}, and a URL seen twice is a loop. The request asks
 * for gzip; gzip and deflate bodies are decompressed; the body is capped at
 * {@link FetchSettings#maxBodyBytes()} both as sent and decompressed. A server may stay silent for at
 * most {@link FetchSettings#readTimeout()}, and the whole fetch, redirects included, may take at most
 * {@link FetchSettings#requestTimeout()}. Anything that yields no 2xx page is a {@link FetchResult.Failed}
 * whose reason names the host or status, for example {@code HTTP status 404 from https://example.org/feed.xml},
 * whose {@link FailureKind} says what went wrong, with the status and {@code Retry-After} of the last
 * response; {@link #fetch(String)} never throws. A reason is safe to print: the header values it quotes
 * have their control characters escaped, and the URLs it names their passwords and tokens masked.
 *
 * <p>Conditional GET: the {@link Validators} go with the first request only, since they describe the
 * URL they came from, not wherever it redirects to. A 304 to that request is a
 * {@link FetchResult.NotModified} (its body, if any, is neither kept nor decoded); a 304 to an
 * unconditional request is a failure. A caller that stores validators for a URL that redirects should
 * therefore ask for {@link FetchResult.Fetched#url()}, the URL whose response carried them, next time.
 * Both {@code Fetched} and {@code NotModified} carry {@link CacheHints} read from the response headers;
 * {@code Expires} and {@code Retry-After} dates are measured against the clock given to the constructor.
 *
 * <p>Example: {@code try (var fetcher = new HttpFetcher(FetchSettings.defaults())) { fetcher.fetch(url); }}
 */
public final class HttpFetcher implements AutoCloseable {
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final FetchSettings settings;
    private final Clock clock;
    private final HttpClient client;
    // The client's own default is a cached pool of platform threads: over a hundred under load.
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /** A fetcher that dates headers with the system clock in UTC. */
    public HttpFetcher(FetchSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** A fetcher that measures {@code Expires} and {@code Retry-After} dates against {@code clock}. */
    public HttpFetcher(FetchSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The settings this fetcher was built with. */
    public FetchSettings settings() {
        return settings;
    }

    /** Fetches {@code url}, following redirects; never throws. */
    public FetchResult fetch(String url) {
        return fetch(url, Validators.NONE);
    }

    /**
     * Fetches {@code url} with a conditional GET when {@code validators} are given (null is
     * {@link Validators#NONE}), following redirects; never throws.
     */
    public FetchResult fetch(String url, Validators validators) {
        Validators conditions = validators == null ? Validators.NONE : validators;
        try {
            return follow(url, parse(url), conditions);
        } catch (FetchException e) {
            return new FetchResult.Failed(url, e.kind, e.getMessage(), e.status, e.retryAfter);
        }
    }

    private FetchResult follow(String url, URI start, Validators validators) throws FetchException {
        ExchangeTimer timer = new ExchangeTimer(settings, start);
        Set<URI> visited = new HashSet<>(Set.of(start));
        URI current = start;
        for (int redirects = 0; ; redirects++) {
            checkAddress(current);
            Validators sent = redirects == 0 ? validators : Validators.NONE;
            HttpResponse<byte[]> response = exchange(current, sent, timer);
            if (response.statusCode() == 304 && !sent.isEmpty()) {
                return new FetchResult.NotModified(url, CacheHeaders.revalidated(response.headers(), clock.instant(), sent));
            }
            if (!REDIRECTS.contains(response.statusCode())) {
                return toResult(current, response);
            }
            if (redirects == settings.maxRedirects()) {
                throw failure(FailureKind.REDIRECTS, "more than " + settings.maxRedirects()
                        + " redirects (fetch maxRedirects), the last from " + current, response);
            }
            current = redirectTarget(current, response);
            if (!visited.add(current)) {
                throw failure(FailureKind.REDIRECTS, "redirect loop: " + start + " leads back to " + current, response);
            }
        }
    }

    private void checkAddress(URI uri) throws FetchException {
        if (settings.allowPrivateAddresses()) {
            return;
        }
        try {
            var refusal = AddressGuard.refusal(uri.getHost());
            if (refusal.isPresent()) {
                throw new FetchException(FailureKind.PRIVATE_ADDRESS, "refused to fetch " + uri + ": " + refusal.get(), 0, null);
            }
        } catch (UnknownHostException e) {
            throw new FetchException(FailureKind.DNS, "cannot resolve host " + uri.getHost() + " of " + uri, 0, null);
        }
    }

    private HttpResponse<byte[]> exchange(URI uri, Validators validators, ExchangeTimer timer) throws FetchException {
        HttpRequest request = request(uri, validators);
        timer.requestSent();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, info -> bodySubscriber(info, timer));
        try {
            return timer.await(uri, future);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException(FailureKind.TIMEOUT, e.getMessage(), timer.status(), null);
        } catch (ExecutionException e) {
            throw new FetchException(FetchFailures.kind(e.getCause()), FetchFailures.describe(uri, e.getCause(), settings),
                    timer.status(), null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException(FailureKind.INTERRUPTED, "interrupted while fetching " + uri, 0, null);
        }
    }

    private HttpRequest request(URI uri, Validators validators) throws FetchException {
        try {
            return FetchRequests.get(uri, settings.userAgent(), validators);
        } catch (IllegalArgumentException e) {
            throw new FetchException(FailureKind.INVALID_URL, "cannot send a request for " + uri + ": " + e.getMessage(),
                    0, null);
        }
    }

    private HttpResponse.BodySubscriber<byte[]> bodySubscriber(HttpResponse.ResponseInfo info, ExchangeTimer timer) {
        timer.headersReceived(info.statusCode());
        return info.statusCode() / 100 == 2
                ? CappedBodySubscriber.keeping(settings.maxBodyBytes(), timer::chunkReceived)
                : CappedBodySubscriber.discarding(settings.maxBodyBytes(), timer::chunkReceived);
    }

    private FetchResult toResult(URI uri, HttpResponse<byte[]> response) throws FetchException {
        int status = response.statusCode();
        if (status / 100 != 2) {
            Duration retryAfter = retryAfter(response);
            throw new FetchException(FailureKind.ofStatus(status, retryAfter), FetchFailures.status(uri, status, retryAfter),
                    status, retryAfter);
        }
        byte[] body = decompress(uri, response);
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        Charset charset = CharsetDetector.detect(contentType, body);
        return new FetchResult.Fetched(uri.toString(), status, ContentTypes.mediaType(contentType),
                charset.name(), body, CharsetDetector.decode(body, charset),
                CacheHeaders.hints(response.headers(), clock.instant()));
    }

    private byte[] decompress(URI uri, HttpResponse<byte[]> response) throws FetchException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse(null);
        try {
            return ContentDecoder.decode(encoding, response.body(), settings.maxBodyBytes());
        } catch (BodyTooLargeException e) {
            throw failure(FailureKind.TOO_LARGE, e.getMessage() + " at " + uri, response);
        } catch (IOException e) {
            throw failure(FailureKind.DECODING,
                    "cannot decode the " + Printable.escape(encoding) + " body of " + uri + ": " + e.getMessage(), response);
        }
    }

    private URI redirectTarget(URI from, HttpResponse<?> response) throws FetchException {
        String location = response.headers().firstValue("Location").orElseThrow(() -> failure(FailureKind.REDIRECTS,
                "HTTP status " + response.statusCode() + " from " + from + " has no Location header", response));
        String target = UrlResolver.resolve(from.toString(), location).orElseThrow(() -> failure(FailureKind.REDIRECTS,
                "redirect from " + from + " to \"" + Printable.escape(location) + "\", which is not an http(s) URL", response));
        return parse(target);
    }

    /** A failure after {@code response}, with its status and, unless a success, its {@code Retry-After}. */
    private FetchException failure(FailureKind kind, String message, HttpResponse<?> response) {
        int status = response.statusCode();
        return new FetchException(kind, message, status, status / 100 == 2 ? null : retryAfter(response));
    }

    private Duration retryAfter(HttpResponse<?> response) {
        return CacheHeaders.retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock.instant());
    }

    private static URI parse(String url) throws FetchException {
        try {
            URI uri = new URI(url);
            if (HttpUrls.isHttp(uri)) {
                return uri;
            }
        } catch (URISyntaxException | NullPointerException e) {
            // reported below
        }
        throw new FetchException(FailureKind.INVALID_URL, "\"" + url + "\" is not an absolute http(s) URL", 0, null);
    }

    /** Closes the HTTP client and its connections. */
    @Override
    public void close() {
        client.close();
        executor.close();
    }

    /** Why a fetch gives no page; only ever turned into a {@link FetchResult.Failed}. */
    private static final class FetchException extends Exception {
        private static final long serialVersionUID = 1L;
        private final FailureKind kind;
        private final int status;
        private final Duration retryAfter;

        FetchException(FailureKind kind, String message, int status, Duration retryAfter) {
            super(message, null, false, false);
            this.kind = kind;
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }
}
