package io.newsmon.app.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.kafka.DeadLetterLog;
import io.newsmon.model.DeadLetter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What {@code dlq list} prints of a letter whose error quotes outside text. */
class DlqListCommandTest {
    @Test
    void aLetterIsShownWithItsControlCharactersEscapedAndItsSecretsMasked() {
        DeadLetter letter = new DeadLetter(DeadLetter.SCHEMA_VERSION, "news.raw", 2, 17, "k\u001b[2J", "enrich",
                "enrich failed on page http://ann:hunter2@news.example/a?token=abc (id 1): \u001b]0;pwned\u0007",
                "{}", Instant.parse("2026-03-01T00:00:00Z"));

        String line = DlqListCommand.line(new DeadLetterLog.Entry(0, 5, letter, null));

        assertThat(line).doesNotContain("\u001b", "\u0007", "hunter2", "abc")
                .contains("key k\\u001b[2J", "http://ann:***@news.example/a?token=***", "\\u001b]0;pwned\\u0007");
    }

    @Test
    void aRecordThatIsNotALetterIsShownEscaped() {
        String line = DlqListCommand.line(new DeadLetterLog.Entry(0, 6, null, "raw \u009b31m text"));

        assertThat(line).isEqualTo("#6 (not a dead letter: raw \\u009b31m text)");
    }
}
