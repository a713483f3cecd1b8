package io.newsmon.enrich.tag;

/**
 * A topics file or a topic query is invalid. The message names the file (or topic), the entry, the value
 * and the rule, for example {@code topics.yml: topics[2].id "Export Controls" must be 1 to 100 lower-case
 * letters, digits and '-' ...}.
 */
public class TopicsFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TopicsFileException(String message) {
        super(message);
    }

    public TopicsFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
