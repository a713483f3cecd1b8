package io.newsmon.enrich.metadata;

import java.time.Instant;

/**
 * What a page says about itself, with the feed entry's fields filling the gaps. Every component is
 * null when no source declares it; strings are trimmed and never blank.
 *
 * @param title        the headline, for example {@code "Huawei wins licence extension"}
 * @param author       the author or authors joined with {@code ", "}, for example {@code "Ann Lee, Bo Chen"}
 * @param publishedAt  the publication time in UTC
 * @param modifiedAt   the last modification time in UTC
 * @param language     a BCP 47 language tag, for example {@code en} or {@code en-US}
 * @param canonicalUrl the absolute canonical URL
 * @param siteName     the site's name, for example {@code "The Daily Ledger"}
 */
public record PageMetadata(String title, String author, Instant publishedAt, Instant modifiedAt,
                           String language, String canonicalUrl, String siteName) {
    public PageMetadata {
        title = clean(title);
        author = clean(author);
        language = clean(language);
        canonicalUrl = clean(canonicalUrl);
        siteName = clean(siteName);
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
