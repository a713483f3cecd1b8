package io.newsmon.ingest.politeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolitenessSettingsTest {

    @Test
    void defaultsToOneRequestPerSecondPerHostObeyingRobotsForNewsmon() {
        PolitenessSettings defaults = PolitenessSettings.defaults();

        assertThat(defaults).isEqualTo(new PolitenessSettings(Duration.ofSeconds(1), 1, false, "newsmon",
                Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofHours(24)));
    }

    @Test
    void changesOneSettingWithEachWither() {
        PolitenessSettings settings = PolitenessSettings.defaults()
                .withPerHostDelay(Duration.ofMillis(250))
                .withIgnoreRobotsTxt(true);

        assertThat(settings.perHostDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.ignoreRobotsTxt()).isTrue();
        assertThat(settings.perHostConnections()).isEqualTo(1);
        assertThat(settings.robotsCacheFor()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void refusesFewerThanOneRequestPerHost() {
        assertThatThrownBy(() -> new PolitenessSettings(Duration.ZERO, 0, false, "newsmon", Duration.ZERO,
                Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("politeness perHostConnections 0 must be at least 1");
    }

    @Test
    void refusesANegativeOrMissingDuration() {
        assertThatThrownBy(() -> PolitenessSettings.defaults().withPerHostDelay(Duration.ofMillis(-1)))
                .hasMessage("politeness perHostDelay PT-0.001S must be zero or positive");
        assertThatThrownBy(() -> new PolitenessSettings(Duration.ZERO, 1, false, "newsmon", Duration.ZERO,
                Duration.ZERO, null, Duration.ZERO))
                .hasMessage("politeness maxWait null must be zero or positive");
    }

    @Test
    void refusesARobotsAgentThatIsNotAProductToken() {
        assertThatThrownBy(() -> new PolitenessSettings(Duration.ZERO, 1, false, "newsmon/0.1", Duration.ZERO,
                Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessage("politeness robotsAgent \"newsmon/0.1\" must be letters, '_' and '-' only "
                        + "(an RFC 9309 product token)");
    }
}
