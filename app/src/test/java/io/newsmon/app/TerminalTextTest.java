package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void escapesControlFormatAndSeparatorCharactersAndKeepsTheRest() {
        assertThat(TerminalText.escape("red\u001b[31m\u0007\u007f\u009b.html"))
                .isEqualTo("red\\u001b[31m\\u0007\\u007f\\u009b.html");
        assertThat(TerminalText.escape("cv\u202Eexe.html\u2028x\u200By")).as("bidi override, line separator, zero width")
                .isEqualTo("cv\\u202eexe.html\\u2028x\\u200by");
        assertThat(TerminalText.escape("a\tb\nc")).isEqualTo("a\\u0009b\\u000ac");
        assertThat(TerminalText.escape("Zürich café 東京 😀 caf\uFFFD.html")).isEqualTo("Zürich café 東京 😀 caf\uFFFD.html");
        assertThat(TerminalText.escape("bad\uD800half")).as("an unpaired surrogate").isEqualTo("bad\\ud800half");
    }
}
