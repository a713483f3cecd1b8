package io.newsmon.model.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void escapesTerminalControlSequencesVisibly() {
        assertThat(Printable.escape("\u001b]0;pwned\u0007title\u001b[2J"))
                .isEqualTo("\\u001b]0;pwned\\u0007title\\u001b[2J");
    }

    @Test
    void escapesEveryC0AndC1ControlCharacterDelAndBidiOverrides() {
        assertThat(Printable.escape("a\nb\rc\td\u0000e\u007ff\u0085g\u009bh\u202ei\u2066j\u2069k\u2028l"))
                .isEqualTo("a\\nb\\rc\\td\\u0000e\\u007ff\\u0085g\\u009bh\\u202ei\\u2066j\\u2069k\\u2028l");
    }

    @Test
    void escapesFormatCharactersSeparatorsAndUnpairedSurrogatesButKeepsPairs() {
        assertThat(Printable.escape("cv\u202Eexe.html\u2028x\u200By\uFEFFz")).as("bidi override, line separator, zero width")
                .isEqualTo("cv\\u202eexe.html\\u2028x\\u200by\\ufeffz");
        assertThat(Printable.escape("bad\uD800half \uDC00low")).as("unpaired surrogates")
                .isEqualTo("bad\\ud800half \\udc00low");
        String kept = "Zürich café 東京 😀 caf\uFFFD.html";
        assertThat(Printable.escape(kept)).isSameAs(kept);
    }

    @Test
    void leavesPrintableTextAloneAndTheSameInstance() {
        String text = "Café – « news » 東京 \\u001b";

        assertThat(Printable.escape(text)).isSameAs(text);
        assertThat(Printable.escape(null)).isNull();
    }

    @Test
    void escapeKeepingLinesKeepsNewlinesAndTabsOnly() {
        assertThat(Printable.escapeKeepingLines("line one\n\tat x\r\u001b[31mred"))
                .isEqualTo("line one\n\tat x\\r\\u001b[31mred");
    }

    @Test
    void urlMasksTheUserInfoPasswordAndSecretParametersAndEscapes() {
        assertThat(Printable.url("http://user:PASSWORD@host/feed.xml?token=t&x=\u001b"))
                .isEqualTo("http://user:***@host/feed.xml?token=***&x=\\u001b");
    }

    @Test
    void textMasksAndEscapesAnyOutsideText() {
        assertThat(Printable.text("redirect to \"http://u:pw@evil/\u001b]0;pwned\u0007\""))
                .isEqualTo("redirect to \"http://u:***@evil/\\u001b]0;pwned\\u0007\"");
    }

    @Test
    void escapeInJsonTurnsTheControlCharactersJsonLeavesRawIntoJsonEscapesAndStaysTheSameJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String value = "a\u007fb\u0085c\u009bd\u202ee\u2028f";
        String json = mapper.writeValueAsString(Map.of("v", value));

        String escaped = Printable.escapeInJson(json);

        assertThat(escaped).isEqualTo("{\"v\":\"a\\u007fb\\u0085c\\u009bd\\u202ee\\u2028f\"}");
        assertThat(mapper.readTree(escaped).get("v").asText()).isEqualTo(value);
    }
}
