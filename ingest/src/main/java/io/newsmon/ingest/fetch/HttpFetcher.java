package io.newsmon.ingest.fetch;

import io.newsmon.ingest.url.UrlResolver;
import io.newsmon.model.ContentTypes;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches one URL at a time per calling thread with the JDK's {@link HttpClient}; safe to share between
 * threads, and meant to be called from virtual threads (it blocks the caller only).
 *
 * <p>Redirects (301, 302, 303, 307, 308) are followed here, up to {@link FetchSettings#maxRedirects()},
 * so each hop goes through the same checks: the host must not resolve to a loopback or private address
 * unless {@link FetchSettings#allowPrivateAddresses()}, and a URL seen twice is a loop. The request asks
 * for gzip; gzip and deflate bodies are decompressed; the body is capped at
 * {@link FetchSettings#maxBodyBytes()} both as sent and decompressed. Anything that yields no 2xx page
 * is a {@link FetchResult.Failed} whose reason names the host or status, for example
 * {@code HTTP status 404 from https://example.org/feed.xml}; {@link #fetch(String)} never throws.
 *
 * <p>Example: {@code try (var fetcher = new HttpFetcher(FetchSettings.defaults())) { fetcher.fetch(url); }}
 */
public final class HttpFetcher implements AutoCloseable {
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,"
            + "application/atom+xml,application/xml;q=0.9,*/*;q=0.8";

    private final FetchSettings settings;
    private final HttpClient client;

    public HttpFetcher(FetchSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
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
     * Fetches {@code url} with a conditional GET when {@code validators} are given, following redirects;
     * never throws.
     */
    public FetchResult fetch(String url, Validators validators) {
        try {
            return follow(parse(url));
        } catch (FetchException e) {
            return new FetchResult.Failed(url, e.getMessage());
        }
    }

    private FetchResult follow(URI start) throws FetchException {
        Set<URI> visited = new HashSet<>();
        URI current = start;
        for (int redirects = 0; ; redirects++) {
            if (!visited.add(current)) {
                throw new FetchException("redirect loop: " + start + " leads back to " + current);
            }
            checkAddress(current);
            HttpResponse<byte[]> response = exchange(current);
            if (!REDIRECTS.contains(response.statusCode())) {
                return toResult(current, response);
            }
            if (redirects == settings.maxRedirects()) {
                throw new FetchException("more than " + settings.maxRedirects() + " redirects (fetch maxRedirects), the last from " + current);
            }
            current = redirectTarget(current, response);
        }
    }

    private void checkAddress(URI uri) throws FetchException {
        if (settings.allowPrivateAddresses()) {
            return;
        }
        try {
            var refusal = AddressGuard.refusal(uri.getHost());
            if (refusal.isPresent()) {
                throw new FetchException("refused to fetch " + uri + ": " + refusal.get());
            }
        } catch (UnknownHostException e) {
            throw new FetchException("cannot resolve host " + uri.getHost() + " of " + uri);
        }
    }

    private HttpResponse<byte[]> exchange(URI uri) throws FetchException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, this::bodySubscriber);
        try {
            return future.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException(FetchFailures.timedOut(uri, settings.requestTimeout()));
        } catch (ExecutionException e) {
            throw new FetchException(FetchFailures.describe(uri, e.getCause(), settings));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while fetching " + uri);
        }
    }

    private HttpResponse.BodySubscriber<byte[]> bodySubscriber(HttpResponse.ResponseInfo info) {
        return info.statusCode() / 100 == 2
                ? new CappedBodySubscriber(settings.maxBodyBytes())
                : HttpResponse.BodySubscribers.replacing(new byte[0]);
    }

    private FetchResult toResult(URI uri, HttpResponse<byte[]> response) throws FetchException {
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new FetchException("HTTP status " + status + " from " + uri);
        }
        byte[] body = decompress(uri, response);
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        Charset charset = CharsetDetector.detect(contentType, body);
        return new FetchResult.Fetched(uri.toString(), status, ContentTypes.mediaType(contentType),
                charset.name(), body, CharsetDetector.decode(body, charset));
    }

    private byte[] decompress(URI uri, HttpResponse<byte[]> response) throws FetchException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse(null);
        try {
            return ContentDecoder.decode(encoding, response.body(), settings.maxBodyBytes());
        } catch (BodyTooLargeException e) {
            throw new FetchException(e.getMessage() + " at " + uri);
        } catch (IOException e) {
            throw new FetchException("cannot decode the " + encoding + " body of " + uri + ": " + e.getMessage());
        }
    }

    private static URI redirectTarget(URI from, HttpResponse<?> response) throws FetchException {
        String location = response.headers().firstValue("Location").orElseThrow(() -> new FetchException(
                "HTTP status " + response.statusCode() + " from " + from + " has no Location header"));
        String target = UrlResolver.resolve(from.toString(), location).orElseThrow(() -> new FetchException(
                "redirect from " + from + " to \"" + location + "\", which is not an http(s) URL"));
        return parse(target);
    }

    private static URI parse(String url) throws FetchException {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException | NullPointerException e) {
            // reported below
        }
        throw new FetchException("\"" + url + "\" is not an absolute http(s) URL");
    }

    /** Closes the HTTP client and its connections. */
    @Override
    public void close() {
        client.close();
    }

    /** Why a fetch gives no page; only ever turned into a {@link FetchResult.Failed}. */
    private static final class FetchException extends Exception {
        private static final long serialVersionUID = 1L;

        FetchException(String message) {
            super(message, null, false, false);
        }
    }
}
