package io.newsmon.kafka;

/**
 * A record a stage was about to send is larger than a record may be ({@link KafkaTopics#MAX_VALUE_BYTES}): the broker would refuse it, and the batch holding it
 * would fail for ever. Thrown before anything is sent, so the stage can dead-letter the input instead.
 */
public final class OversizedRecordException extends IllegalArgumentException {
    /**
     * Checks that {@code value} fits in a record of {@code topic}.
     *
     * @throws OversizedRecordException naming the topic, the key, the size and the limit when it does not
     */
    public static void requireFits(String topic, String key, byte[] value) {
        if (value.length > KafkaTopics.MAX_VALUE_BYTES) {
            throw new OversizedRecordException(topic, key, value.length, KafkaTopics.MAX_VALUE_BYTES);
        }
    }

    private OversizedRecordException(String topic, String key, int bytes, int limit) {
        super("the record for " + topic + " with key " + key + " is " + bytes + " bytes, more than the " + limit
                + " bytes a record may hold");
    }
}
