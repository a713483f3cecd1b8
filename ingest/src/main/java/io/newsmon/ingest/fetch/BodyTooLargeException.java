package io.newsmon.ingest.fetch;

import java.io.IOException;

/** A body over {@link FetchSettings#maxBodyBytes()}; turned into a {@link FetchResult.Failed}. */
final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(String what, long limit) {
        super(what + " is larger than the limit of " + limit + " bytes (fetch maxBodyBytes)");
    }
}
