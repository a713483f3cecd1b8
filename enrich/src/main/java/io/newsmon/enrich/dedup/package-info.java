/**
 * Exact duplicate detection.
 *
 * <p>{@link io.newsmon.enrich.dedup.ContentHash} reduces an article's text to a hash that ignores case,
 * Unicode compatibility forms, punctuation and whitespace, so that the same wire story published under
 * two URLs gets the same hash. {@link io.newsmon.enrich.dedup.ExactDuplicates} remembers ids and hashes
 * and gives a {@link io.newsmon.enrich.dedup.ExactDuplicates.Verdict} per article: new, a redelivered id,
 * or the same content as an earlier id. Near-duplicates (edited copies) are out of scope.
 */
package io.newsmon.enrich.dedup;
