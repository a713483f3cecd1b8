package io.newsmon.store.jdbc;

import java.util.Set;

/**
 * What one {@link ArticleStore#upsert} did: every article of the batch is counted once, as inserted
 * or as unchanged (its id was already stored, or appeared earlier in the same batch).
 *
 * <pre>{@code
 * WriteResult result = store.upsert(batch);   // e.g. inserted=3, unchanged=1, insertedIds=[...]
 * assert result.total() == batch.size();
 * }</pre>
 *
 * @param inserted    articles written as new rows
 * @param unchanged   articles whose id was already stored; their stored row and topics were kept
 * @param insertedIds the ids of the inserted articles, {@code inserted} of them
 */
public record WriteResult(int inserted, int unchanged, Set<String> insertedIds) {
    /** The result of an empty batch. */
    public static final WriteResult NONE = new WriteResult(0, 0, Set.of());

    public WriteResult {
        if (inserted < 0 || unchanged < 0) {
            throw new IllegalArgumentException("write result counts must not be negative: inserted="
                    + inserted + ", unchanged=" + unchanged);
        }
        insertedIds = Set.copyOf(insertedIds);
        if (insertedIds.size() != inserted) {
            throw new IllegalArgumentException("write result lists " + insertedIds.size() + " inserted ids for "
                    + inserted + " inserted articles");
        }
    }

    /** The number of articles in the batch. */
    public int total() {
        return inserted + unchanged;
    }
}
