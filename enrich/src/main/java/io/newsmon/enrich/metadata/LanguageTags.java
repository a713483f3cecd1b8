package io.newsmon.enrich.metadata;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** Normalises declared languages ({@code en_GB}, {@code EN-us}, {@code "en, fr"}) to BCP 47 tags. */
final class LanguageTags {
    private LanguageTags() {
    }

    /**
     * The first language of {@code declared} as a BCP 47 tag ({@code en}, {@code en-US}, {@code zh-Hant-TW}),
     * or null when it is missing, undetermined ({@code und}, {@code x-default}) or not a well-formed tag.
     */
    static String normalise(String declared) {
        if (declared == null) {
            return null;
        }
        String first = declared.split("[,;]", 2)[0].strip().replace('_', '-');
        if (first.isEmpty()) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(first).build();
            String tag = locale.toLanguageTag();
            return locale.getLanguage().isEmpty() || "und".equals(tag) ? null : tag;
        } catch (IllformedLocaleException e) {
            return null;
        }
    }
}
