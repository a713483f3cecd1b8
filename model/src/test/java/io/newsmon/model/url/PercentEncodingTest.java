package io.newsmon.model.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {
    @Test
    void decodesUnreservedEscapesAndUpperCasesTheOthers() {
        assertThat(PercentEncoding.normalize("/%7euser/%41bc/a%2fb", "/")).isEqualTo("/~user/Abc/a%2Fb");
    }

    @Test
    void encodesSpacesNonAsciiAndStrayPercentSignsAsUtf8() {
        assertThat(PercentEncoding.normalize("/café a/100%", "/")).isEqualTo("/caf%C3%A9%20a/100%25");
    }

    @Test
    void keepsTheExtraAllowedCharactersRawAndEncodesThemOtherwise() {
        assertThat(PercentEncoding.normalize("a/b?c", "/?")).isEqualTo("a/b?c");
        assertThat(PercentEncoding.normalize("a/b?c", "")).isEqualTo("a%2Fb%3Fc");
    }
}
