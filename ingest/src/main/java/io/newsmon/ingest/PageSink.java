package io.newsmon.ingest;

import io.newsmon.model.RawPage;

/**
 * Where {@link Ingester} delivers fetched pages, for example a Kafka producer that returns once the
 * broker has acknowledged the page. It is called from several threads at once, so it must be
 * thread-safe. The page counts as seen only when {@link #accept} returns; if it throws, the page is
 * reported as failed and tried again at the next poll, and when it throws {@link Refused}, given up after
 * {@link IngestSettings#maxPageAttempts()} attempts, as a page that is not HTML is.
 */
@FunctionalInterface
public interface PageSink {
    /** Delivers {@code page}; returns once it is durably handed over. */
    void accept(RawPage page) throws Exception;

    /** The sink will never take this page as it is, for example because its message is too large. */
    final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param reason why, naming the value and the rule */
        public Refused(String reason) {
            super(reason);
        }
    }
}
