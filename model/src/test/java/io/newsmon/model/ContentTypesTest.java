package io.newsmon.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypesTest {
    @Test
    void mediaTypeDropsParametersAndCase() {
        assertThat(ContentTypes.mediaType(" Application/RSS+XML ; charset=UTF-8")).isEqualTo("application/rss+xml");
        assertThat(ContentTypes.mediaType(null)).isEmpty();
    }

    @Test
    void htmlAndXhtmlAndUnknownAreArticlePagesOthersAreNot() {
        assertThat(ContentTypes.isHtml("text/html; charset=utf-8")).isTrue();
        assertThat(ContentTypes.isHtml("application/xhtml+xml")).isTrue();
        assertThat(ContentTypes.isHtml(null)).isTrue();
        assertThat(ContentTypes.isHtml("application/pdf")).isFalse();
        assertThat(ContentTypes.isHtml("application/rss+xml")).isFalse();
    }
}
