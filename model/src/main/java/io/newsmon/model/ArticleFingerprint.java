package io.newsmon.model;

import java.time.Instant;
import java.util.List;

/**
 * The fingerprint of an original article, the value of the compacted topic
 * {@code news.enrich.fingerprints} keyed by {@link #id()}: what every enrich instance reads at start and
 * follows afterwards to know the originals that any instance has seen.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this version
 * @param scheme        the fingerprint scheme (shingle size, bands, sketch bits, seed); a reader ignores
 *                      fingerprints of another scheme
 * @param id            the original's article id
 * @param seenAt        when it was first seen (its page's fetch time), from which it expires
 * @param bands         the LSH band keys
 * @param sketchHigh    the first 64 bits of the similarity sketch
 * @param sketchLow     the last 64 bits of the similarity sketch
 * @param shingles      how many word shingles its text had
 */
public record ArticleFingerprint(int schemaVersion, String scheme, String id, Instant seenAt, List<Long> bands,
                                 long sketchHigh, long sketchLow, int shingles) {
    public static final int SCHEMA_VERSION = 1;

    public ArticleFingerprint {
        Checks.require(id, "fingerprint article id");
        Checks.require(scheme, "fingerprint scheme of " + id);
        if (seenAt == null) {
            throw new IllegalArgumentException("fingerprint seenAt is missing for " + id);
        }
        bands = Checks.copy(bands);
    }
}
