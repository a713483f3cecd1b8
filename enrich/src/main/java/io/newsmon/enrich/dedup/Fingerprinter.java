package io.newsmon.enrich.dedup;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Computes the {@link Fingerprint} of an article's text: the text is {@link ContentHash#normalise
 * normalised} (Unicode NFKC, lower case, punctuation and whitespace folded), cut into words, and every run
 * of {@value #SHINGLE_WORDS} consecutive words (a shingle) is hashed to 64 bits. For each of
 * {@value #HASHES} hash functions {@code h_i(s) = a_i * s + b_i} (odd {@code a_i}, so each is a permutation of
 * the 64-bit values) the smallest {@code h_i} over the shingles is kept; pairs of those minima make the
 * band keys and one bit of a hash of each of the other 128 makes the sketch. A text shorter than
 * {@value #SHINGLE_WORDS} words is one shingle.
 *
 * <p>The functions are fixed (seed {@value #SEED}), so a fingerprint means the same in every process and
 * version that has the same {@link #SCHEME}; fingerprints of another scheme are not comparable.
 * Stateless and thread-safe. Example: {@code Fingerprinter.of(article.text())}.
 */
public final class Fingerprinter {
    /** Words per shingle. */
    public static final int SHINGLE_WORDS = 3;
    /** LSH bands. */
    public static final int BANDS = 5;
    /** Minimum hashes per band. */
    public static final int ROWS = 2;
    /** Hash functions: the bands' and the sketch's. */
    public static final int HASHES = BANDS * ROWS + Fingerprint.SKETCH_BITS;
    /** The seed of the hash functions. */
    public static final long SEED = 0x6E657773_6D6F6EL;
    /** Names the fingerprint parameters; fingerprints of different schemes are never compared. */
    public static final String SCHEME = "minhash-w" + SHINGLE_WORDS + "-b" + BANDS + "r" + ROWS + "-s"
            + Fingerprint.SKETCH_BITS + "-" + Long.toHexString(SEED);

    private static final long[] MULTIPLIERS = new long[HASHES];
    private static final long[] ADDENDS = new long[HASHES];

    static {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < HASHES; i++) {
            MULTIPLIERS[i] = random.nextLong() | 1;
            ADDENDS[i] = random.nextLong();
        }
    }

    private Fingerprinter() {
    }

    /** The fingerprint of {@code text}, or null when it has no words (an empty text duplicates nothing). */
    public static Fingerprint of(String text) {
        return ofNormalised(ContentHash.normalise(text));
    }

    /** {@link #of} of a text that is already {@link ContentHash#normalise normalised}. */
    public static Fingerprint ofNormalised(String normalised) {
        long[] words = wordHashes(normalised);
        if (words.length == 0) {
            return null;
        }
        long[] minima = new long[HASHES];
        Arrays.fill(minima, Long.MAX_VALUE);
        int shingleCount = Math.max(1, words.length - SHINGLE_WORDS + 1);
        for (int start = 0; start < shingleCount; start++) {
            long shingle = shingle(words, start);
            for (int i = 0; i < HASHES; i++) {
                minima[i] = Math.min(minima[i], MULTIPLIERS[i] * shingle + ADDENDS[i]);
            }
        }
        // Each h_i is a permutation, so a minimum value stands for the shingle that has it.
        long[] bands = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long key = band + 1;
            for (int row = 0; row < ROWS; row++) {
                key = mix(key * 0x9E3779B97F4A7C15L + minima[band * ROWS + row]);
            }
            bands[band] = key;
        }
        long high = 0;
        long low = 0;
        for (int bit = 0; bit < Fingerprint.SKETCH_BITS; bit++) {
            long chosen = mix(minima[BANDS * ROWS + bit]) & 1;
            if (bit < 64) {
                high |= chosen << bit;
            } else {
                low |= chosen << (bit - 64);
            }
        }
        return new Fingerprint(bands, high, low, shingleCount);
    }

    /** The 64-bit hash of each word of a normalised text (words are separated by single spaces). */
    private static long[] wordHashes(String normalised) {
        if (normalised.isEmpty()) {
            return new long[0];
        }
        int count = 1;
        for (int i = 0; i < normalised.length(); i++) {
            if (normalised.charAt(i) == ' ') {
                count++;
            }
        }
        long[] hashes = new long[count];
        int word = 0;
        long hash = 0xCBF29CE484222325L;
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (c == ' ') {
                hashes[word++] = mix(hash);
                hash = 0xCBF29CE484222325L;
            } else {
                hash = (hash ^ c) * 0x100000001B3L;
            }
        }
        hashes[word] = mix(hash);
        return hashes;
    }

    /** The hash of the shingle starting at word {@code start}, order-sensitive. */
    private static long shingle(long[] words, int start) {
        long hash = 0;
        int end = Math.min(words.length, start + SHINGLE_WORDS);
        for (int i = start; i < end; i++) {
            hash = Long.rotateLeft(hash, 23) ^ words[i];
        }
        return mix(hash);
    }

    /** A 64-bit finaliser (Stafford's variant 13 of MurmurHash3's). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
