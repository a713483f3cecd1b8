package io.newsmon.enrich.dedup;

import java.util.Arrays;

/**
 * The locality-sensitive fingerprint of an article's text, made by {@link Fingerprinter}: MinHash over
 * word shingles, kept in two forms.
 * <ul>
 *   <li>{@link #bands()}: {@value Fingerprinter#BANDS} LSH band keys, each a hash of
 *       {@value Fingerprinter#ROWS} minimum hashes. Two texts whose shingle sets have Jaccard similarity
 *       {@code J} share at least one band with probability {@code 1 - (1 - J^2)^5}: 0.99 at J = 0.8, 0.83
 *       at J = 0.6, 0.03 at J = 0.2. The index looks candidates up by band.</li>
 *   <li>{@link #sketchHigh()} and {@link #sketchLow()}: 128 one-bit minimum hashes (b-bit MinHash with
 *       b = 1). Two sketches agree on each bit with probability {@code (1 + J) / 2}, so
 *       {@link #similarity} estimates {@code J} from their Hamming distance, with a standard error of
 *       about 0.06 near J = 0.8 and 0.09 near J = 0.3.</li>
 * </ul>
 *
 * @param bands      the band keys, {@value Fingerprinter#BANDS} of them
 * @param sketchHigh the first 64 sketch bits
 * @param sketchLow  the last 64 sketch bits
 * @param shingles   how many shingles the text had (short texts are only ever exact duplicates)
 */
public record Fingerprint(long[] bands, long sketchHigh, long sketchLow, int shingles) {
    /** The number of sketch bits. */
    public static final int SKETCH_BITS = 128;

    public Fingerprint {
        if (bands == null || bands.length != Fingerprinter.BANDS) {
            throw new IllegalArgumentException("fingerprint has " + (bands == null ? "no" : bands.length)
                    + " band keys: it needs " + Fingerprinter.BANDS);
        }
        bands = bands.clone();
    }

    @Override
    public long[] bands() {
        return bands.clone();
    }

    /** Band key {@code i}, without copying the array. */
    public long band(int i) {
        return bands[i];
    }

    /** The estimated Jaccard similarity of this text's shingles and {@code other}'s, from 0 to 1. */
    public double similarity(Fingerprint other) {
        return similarity(sketchHigh, sketchLow, other.sketchHigh, other.sketchLow);
    }

    /** The estimated Jaccard similarity of two sketches: {@code 1 - 2 * differingBits / 128}, at least 0. */
    static double similarity(long highA, long lowA, long highB, long lowB) {
        int differing = Long.bitCount(highA ^ highB) + Long.bitCount(lowA ^ lowB);
        return Math.max(0, 1 - 2.0 * differing / SKETCH_BITS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && Arrays.equals(bands, f.bands) && sketchHigh == f.sketchHigh
                && sketchLow == f.sketchLow && shingles == f.shingles;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bands) * 31 + Long.hashCode(sketchHigh ^ sketchLow) + shingles;
    }

    @Override
    public String toString() {
        return "Fingerprint[bands=" + Arrays.toString(bands) + ", sketch=" + Long.toHexString(sketchHigh) + ":"
                + Long.toHexString(sketchLow) + ", shingles=" + shingles + "]";
    }
}
