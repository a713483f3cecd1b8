package io.newsmon.enrich.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whitespace normalisation shared by the extractor's parts. */
final class Texts {
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF]+");

    private Texts() {
    }

    /** {@code text} with every run of whitespace (including no-break spaces) as one space, stripped. */
    static String normalise(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** A key for comparing headlines: lower case, letters and digits only. */
    static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
