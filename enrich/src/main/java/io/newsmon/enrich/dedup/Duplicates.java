package io.newsmon.enrich.dedup;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides, for each new article, whether it is new, already known under its own id, or a near (or exact)
 * duplicate of an earlier original, and remembers the originals in a {@link FingerprintIndex}.
 *
 * <p><b>Rules.</b> An article is a duplicate of the remembered original most similar to it (among those
 * sharing a band key) when their estimated similarity ({@link Fingerprint#similarity}, an estimate of the
 * Jaccard similarity of their 3-word shingles) reaches a threshold that depends on the article's length:
 * <ul>
 *   <li>{@value #NEAR_THRESHOLD} for texts of {@value #SHORT_TEXT_SHINGLES} shingles (about as many words)
 *       or more;</li>
 *   <li>{@value #SHORT_THRESHOLD} for shorter texts, because two different briefs that share a
 *       boilerplate paragraph ("About the company", a background paragraph, a disclaimer) can have a
 *       third to nearly half of their shingles in common;</li>
 *   <li>1 (an identical sketch) below {@value #MIN_SHINGLES} shingles, where an estimate means little.</li>
 * </ul>
 * The thresholds come from the labelled pairs of {@code DuplicateCorpusTest}: the exact similarity of the
 * near duplicates there is 0.65 or more, that of the look-alike distinct pairs at most 0.33 (short briefs
 * with shared boilerplate) and 0.28 (long follow-ups), and the estimate's standard error is about 0.085
 * near 0.35 and 0.07 near 0.65, so each threshold sits about two standard errors from both sides. A false
 * merge loses an article from the topic streams, so the thresholds lean towards missing a duplicate.
 * Only originals are remembered, so a duplicate always points at the first-seen original, never at
 * another duplicate.
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
    /** The least estimated similarity of a near duplicate of {@value #SHORT_TEXT_SHINGLES} shingles or more. */
    public static final double NEAR_THRESHOLD = 0.5;
    /** Texts with fewer shingles than this are short. */
    public static final int SHORT_TEXT_SHINGLES = 200;
    /** The least estimated similarity of a short near duplicate. */
    public static final double SHORT_THRESHOLD = 0.7;
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

    /** The least estimated similarity at which an article with {@code fingerprint} is a duplicate. */
    static double threshold(Fingerprint fingerprint) {
        return fingerprint.shingles() < MIN_SHINGLES ? 1 : fingerprint.shingles() < SHORT_TEXT_SHINGLES
                ? SHORT_THRESHOLD : NEAR_THRESHOLD;
    }

    private static boolean isDuplicate(double similarity, Fingerprint fingerprint) {
        return similarity >= threshold(fingerprint);
    }

    private static void requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("article id is missing: duplicates are checked by a non-empty id");
        }
    }
}
