package io.newsmon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FetchSettingsTest {

    @Test
    void defaultsToTenSecondsToConnectFifteenOfSilenceAndThirtyInAll() {
        assertThat(FetchSettings.defaults()).isEqualTo(new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(15),
                Duration.ofSeconds(30), 10L * 1024 * 1024, 5, "newsmon/0.1 (+https://github.com/newsmon/newsmon)", false));
    }

    @Test
    void buildsAUserAgentThatNamesAContact() {
        assertThat(FetchSettings.userAgentFor("https://github.com/newsmon/newsmon")).isEqualTo(FetchSettings.DEFAULT_USER_AGENT);
        assertThat(FetchSettings.userAgentFor("mailto:ops@example.org")).isEqualTo("newsmon/0.1 (+mailto:ops@example.org)");
        assertThat(FetchSettings.defaults().withUserAgent("newsmon/0.1 (+http://example.org/bot)").userAgent())
                .isEqualTo("newsmon/0.1 (+http://example.org/bot)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/bot", "example.org/bot", "/bot", "mailto:nobody", "javascript:alert(1)",
        "https://example.org/bot (ops)", "https://exa mple.org/", ""})
    void refusesAContactThatIsNotAnHttpUrlOrMailAddress(String contact) {
        assertThatIllegalArgumentException().isThrownBy(() -> FetchSettings.userAgentFor(contact))
                .withMessage("fetch contact URL \"" + contact + "\" must be an absolute http(s) URL or a mailto: address"
                        + " without parentheses, for example https://example.org/bot");
    }

    @Test
    void refusesAUserAgentThatWouldBreakTheHeader() {
        assertThatIllegalArgumentException().isThrownBy(() -> FetchSettings.defaults().withUserAgent("newsmon\r\nX-Evil: 1"))
                .withMessageContaining("fetch userAgent").withMessageContaining("must not contain control characters");
        assertThatIllegalArgumentException().isThrownBy(() -> FetchSettings.defaults().withUserAgent(" "))
                .withMessage("fetch userAgent is missing: it must be a non-empty string");
    }

    @Test
    void refusesTimeoutsThatAreNotPositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FetchSettings(Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofSeconds(1), 1, 0, "t", false)).withMessage("fetch readTimeout PT0S must be a positive duration");
        assertThatIllegalArgumentException().isThrownBy(() -> new FetchSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(-1), 1, 0, "t", false)).withMessage("fetch requestTimeout PT-1S must be a positive duration");
    }
}
