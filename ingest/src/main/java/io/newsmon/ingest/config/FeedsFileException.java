package io.newsmon.ingest.config;

/**
 * A feeds file that cannot be read or breaks a rule. The message names the file, the entry, the value
 * and the rule, for example {@code feeds.yml: feeds[2].url "ftp://x" is not an http(s) URL}.
 */
public final class FeedsFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FeedsFileException(String message) {
        super(message);
    }

    public FeedsFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
