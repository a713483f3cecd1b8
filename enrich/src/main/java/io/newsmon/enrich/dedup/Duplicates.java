package io.newsmon.enrich.dedup;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides, for each new article, whether it is new, already known under its own id, or a near (or exact)
 * duplicate of an earlier original, and remembers the originals in a {@link FingerprintIndex}.
 *
 * <p><b>Rules.</b> An article is a duplicate of the remembered original most similar to it when their
 * estimated similarity ({@link Fingerprint#similarity}) is at least {@value #NEAR_THRESHOLD}; an article
 * of fewer than {@value #MIN_SHINGLES} shingles (about {@value #MIN_SHINGLES} words) only when its sketch is
 * identical (similarity 1), since a short text's estimate is too coarse and short briefs often share a
 * boilerplate paragraph. Only originals are remembered, so a duplicate always points at the first-seen
 * original, never at another duplicate. The thresholds were set from the labelled pairs of
 * {@code DuplicateCorpusTest}: they merge none of the look-alike distinct pairs.
 *
 * <p>Thread-safe: every method holds this object's lock (the enrich loop and the fingerprint follower
 * both call it).
 *
 * <p>Example:
 * <pre>{@code
 * Duplicates duplicates = new Duplicates(Duration.ofDays(30));
 * duplicates.check("a1", Fingerprinter.of(text), now);       // New
 * duplicates.check("b2", Fingerprinter.of(sameText), now);   // NearDuplicate("a1", 1.0)
 * duplicates.check("a1", Fingerprinter.of(text), now);       // Known
 * }</pre>
 */
public final class Duplicates {
    /** The least estimated similarity of a near duplicate. */
    public static final double NEAR_THRESHOLD = 0.6;
    /** Texts with fewer shingles than this are only exact duplicates. */
    public static final int MIN_SHINGLES = 40;
    /** The default of how long originals are remembered. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    private final FingerprintIndex index;

    /** What {@link #check} found. */
    public sealed interface Verdict {
        /** Nothing like it was seen: it is now remembered as an original. */
        record New() implements Verdict {
        }

        /** An original with this id is already remembered (a redelivery, or another URL of one article). */
        record Known() implements Verdict {
        }

        /**
         * A near or exact duplicate.
         *
         * @param originalId the id of the remembered original
         * @param similarity the estimated similarity, from {@value #NEAR_THRESHOLD} to 1
         */
        record NearDuplicate(String originalId, double similarity) implements Verdict {
        }
    }

    /** @param window how long originals are remembered, for example {@link #DEFAULT_WINDOW} */
    public Duplicates(Duration window) {
        this.index = new FingerprintIndex(window);
    }

    /**
     * Checks the article {@code id} with {@code fingerprint} (null for an empty text, which duplicates
     * nothing and is not remembered), seen at {@code seenAt}, and remembers it when it is new.
     */
    public synchronized Verdict check(String id, Fingerprint fingerprint, Instant seenAt) {
        requireId(id);
        if (fingerprint == null) {
            return new Verdict.New();
        }
        FingerprintIndex.Candidate best = index.best(id, fingerprint, seenAt);
        if (best != null && best.id().equals(id)) {
            return new Verdict.Known();
        }
        if (best != null && isDuplicate(best.similarity(), fingerprint)) {
            return new Verdict.NearDuplicate(best.id(), best.similarity());
        }
        index.add(id, fingerprint, seenAt);
        return new Verdict.New();
    }

    /**
     * Remembers an original that another enrich instance (or this one, before a restart) found, unless it
     * is remembered already. Originals older than the window are ignored.
     */
    public synchronized void learn(String id, Fingerprint fingerprint, Instant seenAt) {
        requireId(id);
        FingerprintIndex.Candidate best = index.best(id, fingerprint, seenAt);
        if (best == null || !best.id().equals(id)) {
            index.add(id, fingerprint, seenAt);
        }
    }

    /** Forgets the original {@code id}, whose output was not delivered and will be handed over again. */
    public synchronized void forget(String id, Fingerprint fingerprint) {
        if (fingerprint != null) {
            index.remove(id, fingerprint);
        }
    }

    /** How many originals are remembered. */
    public synchronized long size() {
        return index.size();
    }

    /** The heap bytes of the remembered fingerprints. */
    public synchronized long bytes() {
        return index.bytes();
    }

    private static boolean isDuplicate(double similarity, Fingerprint fingerprint) {
        return fingerprint.shingles() < MIN_SHINGLES ? similarity >= 1 : similarity >= NEAR_THRESHOLD;
    }

    private static void requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("article id is missing: duplicates are checked by a non-empty id");
        }
    }
}
