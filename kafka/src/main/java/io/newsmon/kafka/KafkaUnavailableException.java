package io.newsmon.kafka;

/** The broker could not be reached or did not answer; the message names the servers and the operation. */
public class KafkaUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
