package io.newsmon.enrich.dedup;

import io.newsmon.model.ArticleId;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The content hash of an article's text, for exact duplicate detection: two texts that differ only in
 * case, Unicode compatibility forms (NFKC), punctuation or whitespace have the same hash.
 *
 * <p>Example: {@code ContentHash.of("Huawei, again!")} equals {@code ContentHash.of("huawei again")};
 * both are 32 hex digits ({@link ArticleId#hash(String)} of {@code "huawei again"}).
 */
public final class ContentHash {
    private static final Pattern PUNCTUATION_AND_SPACE = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s\\p{Cc}\\p{Cf}]+");

    private ContentHash() {
    }

    /**
     * The hash of {@code text} after {@link #normalise(String) normalisation}, or null when nothing is
     * left (so that empty pages are never duplicates of each other).
     */
    public static String of(String text) {
        String normalised = normalise(text);
        return normalised.isEmpty() ? null : ArticleId.hash(normalised);
    }

    /**
     * {@code text} in Unicode NFKC, lower case, with every run of punctuation, symbols and whitespace
     * replaced by one space and no space at either end; "" for null.
     */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return PUNCTUATION_AND_SPACE.matcher(folded).replaceAll(" ").strip();
    }
}
