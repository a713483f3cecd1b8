package io.newsmon.enrich.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TextLanguageTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en      | The Commerce Department added the company to its Entity List on Thursday, barring American suppliers from selling it parts without a licence, officials said.
            de      | Die Bundesregierung prüft seit Monaten, ob Bauteile chinesischer Hersteller beim Ausbau des neuen Mobilfunknetzes ausgeschlossen werden sollen, sagte ein Sprecher.
            fr      | Le gouvernement a décidé de limiter l'utilisation des équipements chinois dans les réseaux mobiles de cinquième génération, a annoncé le ministre jeudi soir.
            es      | El gobierno estudia nuevas restricciones a los proveedores chinos en las redes móviles de quinta generación, según fuentes del ministerio consultadas el martes.
            ru      | Правительство США внесло китайскую компанию в черный список, запретив американским поставщикам продавать ей компоненты без специальной лицензии.
            zh-Hans | 美国商务部周四将这家中国公司列入实体清单，禁止美国供应商在没有许可证的情况下向其出售零部件。官员表示，这一决定是出于国家安全的考虑，并将立即生效。该公司表示强烈反对，并称将采取一切必要措施维护自身权益。行业分析人士认为，此举将对全球供应链产生深远影响。
            """)
    void detectsTheLanguageOfANewsParagraph(String language, String text) {
        assertThat(TextLanguage.detect(text)).isEqualTo(language);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Huawei", "OK", "Huawei wins 90-day extension of US licence", "12345 67890 !!! ??? 2019-05-16"})
    void tooLittleTextIsNotGuessed(String text) {
        assertThat(TextLanguage.detect(text)).isNull();
    }

    @Test
    void mapsTheModelsCodesToBcp47() {
        assertThat(TextLanguage.bcp47("eng")).isEqualTo("en");
        assertThat(TextLanguage.bcp47("deu")).isEqualTo("de");
        assertThat(TextLanguage.bcp47("zho-trad")).isEqualTo("zh-Hant");
        assertThat(TextLanguage.bcp47("ekk")).isEqualTo("et");
        assertThat(TextLanguage.bcp47("hin-rom")).isEqualTo("hi-Latn");
        assertThat(TextLanguage.bcp47("ceb")).isEqualTo("ceb");
    }
}
