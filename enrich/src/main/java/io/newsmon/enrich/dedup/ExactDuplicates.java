package io.newsmon.enrich.dedup;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the article ids and content hashes seen so far and tells, for each new article, whether it
 * is new, a redelivery of an id already enriched, or the same content as an earlier id.
 *
 * <p>Thread-safe. The memory is in-process and unbounded: it lasts as long as the process, so after a
 * restart every article is new again (a persistent store can later implement the same contract). Each
 * id costs about 200 bytes, so a million articles fit in a few hundred megabytes.
 *
 * <p>Example:
 * <pre>{@code
 * duplicates.check("a1", "h1");  // New
 * duplicates.check("a2", "h1");  // SameContent("a1")
 * duplicates.check("a1", "h1");  // SeenId
 * }</pre>
 */
public final class ExactDuplicates {
    private final Map<String, Boolean> seenIds = new ConcurrentHashMap<>();
    private final Map<String, String> firstIdByHash = new ConcurrentHashMap<>();

    /** What {@link #check(String, String)} found. */
    public sealed interface Verdict {
        /** Neither the id nor the content was seen before. */
        record New() implements Verdict {
        }

        /** This id was already checked: the article is a redelivery. */
        record SeenId() implements Verdict {
        }

        /**
         * Another id had this content first.
         *
         * @param originalId the id that had it first
         */
        record SameContent(String originalId) implements Verdict {
        }
    }

    /**
     * Records {@code id} and its content hash and tells what was known before. An id is recorded once;
     * a null hash (an empty text) is never a duplicate of anything.
     *
     * @param id          the article id, not blank
     * @param contentHash the {@link ContentHash} of its text, or null
     */
    public Verdict check(String id, String contentHash) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("article id is missing: duplicates are checked by a non-empty id");
        }
        if (seenIds.putIfAbsent(id, Boolean.TRUE) != null) {
            return new Verdict.SeenId();
        }
        if (contentHash == null) {
            return new Verdict.New();
        }
        String original = firstIdByHash.putIfAbsent(contentHash, id);
        return original == null ? new Verdict.New() : new Verdict.SameContent(original);
    }

    /**
     * Forgets what {@link #check} recorded for {@code id}, for an article whose output was not delivered
     * and will be handed over again.
     */
    public void forget(String id, String contentHash) {
        seenIds.remove(id);
        if (contentHash != null) {
            firstIdByHash.remove(contentHash, id);
        }
    }

    /** How many distinct ids were checked. */
    public int size() {
        return seenIds.size();
    }
}
