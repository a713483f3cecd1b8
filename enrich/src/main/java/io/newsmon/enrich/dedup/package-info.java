/**
 * Exact and near duplicate detection.
 *
 * <p>{@link io.newsmon.enrich.dedup.ContentHash} reduces an article's text to a hash that ignores case,
 * Unicode compatibility forms, punctuation and whitespace. {@link io.newsmon.enrich.dedup.Fingerprinter}
 * turns the same normalised text into a MinHash {@link io.newsmon.enrich.dedup.Fingerprint} of its word
 * shingles: LSH band keys to find candidates in constant time and a 128-bit sketch to estimate their
 * similarity. {@link io.newsmon.enrich.dedup.FingerprintIndex} remembers originals in about 56 bytes each,
 * in time segments that expire whole, and {@link io.newsmon.enrich.dedup.Duplicates} gives a verdict per
 * article: new, already known under its id, or a duplicate of a remembered original with its similarity.
 */
package io.newsmon.enrich.dedup;
