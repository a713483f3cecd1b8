package io.newsmon.enrich.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTagsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en          | en
            EN          | en
            en-GB       | en-GB
            en_us       | en-US
            fr_FR       | fr-FR
            zh-Hant-TW  | zh-Hant-TW
            'de, en'    | de
            ' pt-BR '   | pt-BR
            """)
    void normalisesToBcp47(String declared, String expected) {
        assertThat(LanguageTags.normalise(declared)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"und", "x-default", "not a language", "  "})
    void undeclaredOrInvalidLanguagesAreNull(String declared) {
        assertThat(LanguageTags.normalise(declared)).isNull();
    }
}
