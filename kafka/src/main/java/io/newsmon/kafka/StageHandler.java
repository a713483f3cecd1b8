package io.newsmon.kafka;

/**
 * What a {@link TypedStage} does with its messages, batch by batch. The runner asks for a new, empty
 * batch result ({@link #newBatch()}), hands it with the batch's decoded messages to {@link #handle}, and
 * then hands the same value back to {@link #delivered} once the batch's output was acknowledged or
 * committed, or to {@link #aborted} when it was not and the batch comes again. So a handler keeps no
 * per-batch state of its own: what one batch did lives in its result.
 *
 * @param <V> the message type of the input topics
 * @param <B> what the handler records of one batch, for example the articles it published
 */
public interface StageHandler<V, B> {

    /** A new, empty result for the next batch. */
    B newBatch();

    /**
     * Handles {@code messages} in order, recording in {@code batch} what it did and publishing through
     * {@code output}. The iteration may end before the last record (the stage is stopping, or a
     * transaction's time is up): the records not handed out come again.
     *
     * @throws Exception to have the batch aborted and handed over again (the broker or the database is
     *                   away); a record that cannot be processed is dead-lettered instead
     */
    void handle(Iterable<Incoming<V>> messages, B batch, StageOutput output) throws Exception;

    /** The batch's output was acknowledged or committed, and its offsets are about to be committed. */
    default void delivered(B batch) {
    }

    /** The batch was not delivered and will be handed over again: undo what it remembered. */
    default void aborted(B batch) {
    }
}
