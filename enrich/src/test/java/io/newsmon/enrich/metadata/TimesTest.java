package io.newsmon.enrich.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2019-05-16T10:00:00+02:00        | 2019-05-16T08:00:00Z
            2019-05-16T08:00:00Z             | 2019-05-16T08:00:00Z
            2019-05-16T08:00:00.250Z         | 2019-05-16T08:00:00.250Z
            2019-05-16T08:00Z                | 2019-05-16T08:00:00Z
            2019-05-16T03:00:00-05:00        | 2019-05-16T08:00:00Z
            2019-05-16T10:00:00+0200         | 2019-05-16T08:00:00Z
            2019-05-16 10:00:00 +02:00       | 2019-05-16T08:00:00Z
            2019-05-16T08:00:00              | 2019-05-16T08:00:00Z
            2019-05-16 08:00:00              | 2019-05-16T08:00:00Z
            2019-05-16                       | 2019-05-16T00:00:00Z
            Thu, 16 May 2019 08:00:00 GMT    | 2019-05-16T08:00:00Z
            16 May 2019 10:00:00 +0200       | 2019-05-16T08:00:00Z
            Thu, 16 May 2019 08:00:00 UTC    | 2019-05-16T08:00:00Z
            '  2019-05-16T08:00:00Z  '       | 2019-05-16T08:00:00Z
            """)
    void parsesCommonFormatsToUtc(String text, String expected) {
        assertThat(Times.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"yesterday", "16/05/2019", "2019-13-45", "May 16th, 2019", "1558000000"})
    void unparseableTimesAreNull(String text) {
        assertThat(Times.parse(text)).isNull();
    }
}
