/**
 * Fetching over HTTP: {@link io.newsmon.ingest.fetch.HttpFetcher} gets one URL with the JDK's
 * {@link java.net.http.HttpClient} and returns a {@link io.newsmon.ingest.fetch.FetchResult}, a value
 * that is the decoded page with its {@link io.newsmon.ingest.fetch.CacheHints}, a 304 answer to a
 * conditional GET made with {@link io.newsmon.ingest.fetch.Validators}, or a reason it could not be had
 * (with its {@link io.newsmon.ingest.fetch.FailureKind}, the status and {@code Retry-After}). It follows
 * redirects itself so each hop is checked, refuses private, loopback and other non-public addresses
 * unless told otherwise, caps the body before and after decompression, gives up on a server silent for
 * longer than the read timeout or a fetch longer than the request timeout, and works out the charset.
 * Failures never throw.
 *
 * <p>Inside: {@code AddressGuard} classifies addresses, {@code FetchRequests} builds the GET,
 * {@code ExchangeTimer} keeps the time limits, {@code CappedBodySubscriber} reads the body,
 * {@code ContentDecoder} and {@link io.newsmon.ingest.fetch.CharsetDetector} decode it,
 * {@code CacheHeaders} reads caching and {@code Retry-After} headers, and {@code FetchFailures} words
 * what went wrong.
 */
package io.newsmon.ingest.fetch;
