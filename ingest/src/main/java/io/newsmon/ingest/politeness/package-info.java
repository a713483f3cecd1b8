/**
 * Being a polite client. {@link io.newsmon.ingest.politeness.PoliteFetcher} wraps a plain fetch (such as
 * {@code HttpFetcher::fetch}) with three courtesies, configured by
 * {@link io.newsmon.ingest.politeness.PolitenessSettings}:
 * <ul>
 *   <li>{@link io.newsmon.ingest.politeness.HostThrottle} lets a few requests at a time (one by default)
 *       go to each host, a pause apart, while different hosts are fetched in parallel;</li>
 *   <li>{@link io.newsmon.ingest.politeness.RobotsCache} reads each origin's {@code robots.txt} once a
 *       day (with crawler-commons) and refuses what it disallows; its {@code Crawl-delay} lengthens the
 *       pause;</li>
 *   <li>a 429, or a 503 with {@code Retry-After}, defers the host: later requests wait a short deferral
 *       out and fail at once on a long one.</li>
 * </ul>
 * Refusals are {@link io.newsmon.ingest.fetch.FetchResult.Failed} values with a reason, never exceptions.
 */
package io.newsmon.ingest.politeness;
