/**
 * Fetching over HTTP: {@link io.newsmon.ingest.fetch.HttpFetcher} gets one URL with the JDK's
 * {@link java.net.http.HttpClient} and returns a {@link io.newsmon.ingest.fetch.FetchResult}, a value
 * that is either the decoded page or a reason it could not be had. It follows redirects itself so each
 * hop is checked, refuses private and loopback addresses unless told otherwise, caps the body before
 * and after decompression, and works out the charset. Failures never throw.
 */
package io.newsmon.ingest.fetch;
