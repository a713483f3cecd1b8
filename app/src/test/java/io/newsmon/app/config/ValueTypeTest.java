package io.newsmon.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTypeTest {
    @Test
    void formatsADurationAsItIsWrittenWholeDaysInDays() {
        assertThat(ValueType.DURATION.format(Duration.ofSeconds(1))).isEqualTo("PT1S");
        assertThat(ValueType.DURATION.format(Duration.ofMinutes(15))).isEqualTo("PT15M");
        assertThat(ValueType.DURATION.format(Duration.ofHours(2))).isEqualTo("PT2H");
        assertThat(ValueType.DURATION.format(Duration.ofDays(30))).isEqualTo("P30D");
        assertThat(ValueType.DURATION.format(Duration.ofHours(36))).isEqualTo("PT36H");
        assertThat(ValueType.DURATION.format(Duration.ZERO)).isEqualTo("PT0S");
    }

    @Test
    void readsBackWhatItFormats() {
        for (Duration duration : List.of(Duration.ofMillis(1500), Duration.ofDays(30), Duration.ofDays(1).plusNanos(1))) {
            assertThat(ValueType.DURATION.parse(ValueType.DURATION.format(duration))).isEqualTo(duration);
        }
        assertThat(ValueType.INTEGER.format(1)).isEqualTo("1");
        assertThat(ValueType.BOOLEAN.format(false)).isEqualTo("false");
        assertThat(ValueType.PATH.format(Path.of("newsmon-data"))).isEqualTo("newsmon-data");
    }
}
