/**
 * Being a polite client: {@link io.newsmon.ingest.politeness.HostThrottle} lets at most one request at a
 * time go to each host, with a pause between two requests to the same host, while different hosts are
 * fetched in parallel.
 */
package io.newsmon.ingest.politeness;
