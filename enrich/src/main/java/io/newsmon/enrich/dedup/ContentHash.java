package io.newsmon.enrich.dedup;

import io.newsmon.model.ArticleId;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The content hash of an article's text, for exact duplicate detection: two texts that differ only in
 * case, Unicode compatibility forms (NFKC), punctuation or whitespace have the same hash.
 *
 * <p>Example: {@code ContentHash.of("Huawei, again!")} equals {@code ContentHash.of("huawei again")};
 * both are 32 hex digits ({@link ArticleId#hash(String)} of {@code "huawei again"}).
 */
public final class ContentHash {

    private ContentHash() {
    }

    /**
     * The hash of {@code text} after {@link #normalise(String) normalisation}, or null when nothing is
     * left (so that empty pages are never duplicates of each other).
     */
    public static String of(String text) {
        return ofNormalised(normalise(text));
    }

    /** {@link #of} of a text that is already {@link #normalise normalised}. */
    public static String ofNormalised(String normalised) {
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
        boolean ascii = text.chars().allMatch(c -> c < 0x80);
        String folded = ascii ? text : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingSpace = false;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (isSeparator(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(ascii && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            }
        }
        return out.toString();
    }

    /** Punctuation, symbols, separators, whitespace, control and format characters. */
    private static boolean isSeparator(int c) {
        if (c < 0x80) {
            return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9');
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.SPACE_SEPARATOR,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.CONTROL, Character.FORMAT -> true;
            default -> false;
        };
    }
}
