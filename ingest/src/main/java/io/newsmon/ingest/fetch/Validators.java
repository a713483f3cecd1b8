package io.newsmon.ingest.fetch;

/**
 * What a conditional GET sends: the {@code ETag} and {@code Last-Modified} of the last response, as
 * {@code If-None-Match} and {@code If-Modified-Since}. A server whose resource has not changed answers
 * 304, which {@link HttpFetcher} returns as {@link FetchResult.NotModified}.
 *
 * @param etag         the last {@code ETag}, verbatim (quotes and {@code W/} included), or null
 * @param lastModified the last {@code Last-Modified}, verbatim, or null
 */
public record Validators(String etag, String lastModified) {
    /** No validators: an unconditional GET. */
    public static final Validators NONE = new Validators(null, null);

    public Validators {
        etag = blankToNull(etag);
        lastModified = blankToNull(lastModified);
    }

    /** Whether there is nothing to send. */
    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
