package io.newsmon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CacheHeadersTest {
    /** Mid-second on purpose: HTTP dates have whole seconds. */
    private static final Instant NOW = Instant.parse("2024-05-08T12:00:00.400Z");

    @ParameterizedTest(name = "Cache-Control [{0}] Expires [{1}] Date [{2}] is fresh for {3} s")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            max-age=300                                    |                                    |                               | 300
            MAX-AGE = 120                                  |                                    |                               | 120
            max-age="90"                                   |                                    |                               | 90
            public, max-age=300, s-maxage=60               |                                    |                               | 60
            s-maxage=60, max-age=300                       |                                    |                               | 60
            max-age=300, max-age=5                         |                                    |                               | 300
            max-age=0                                      |                                    |                               | 0
            no-cache, max-age=300                          |                                    |                               | 0
            max-age=300, no-store                          |                                    |                               | 0
            private, no-cache="Set-Cookie, X-Id"           |                                    |                               | 0
            max-age=abc                                    |                                    |                               | 0
            max-age=-5                                     |                                    |                               | 0
            max-age                                        |                                    |                               | 0
            max-age=99999999999999                         |                                    |                               | 2147483648
            max-age=60                                     | Wed, 08 May 2024 13:00:00 GMT      |                               | 60
                                                           | Wed, 08 May 2024 13:00:00 GMT      | Wed, 08 May 2024 12:30:00 GMT | 1800
                                                           | Wed, 08 May 2024 13:00:00 GMT      |                               | 3600
                                                           | Wed, 08 May 2024 13:00:00 GMT      | yesterday                     | 3600
                                                           | Wednesday, 08-May-24 13:00:00 GMT  |                               | 3600
                                                           | Wed May  8 13:00:00 2024           |                               | 3600
                                                           | Wed, 08 May 2024 11:00:00 GMT      |                               | 0
                                                           | 0                                  |                               | 0
                                                           | -1                                 | Wed, 08 May 2024 12:30:00 GMT | 0
            public                                         |                                    |                               | null
                                                           |                                    | Wed, 08 May 2024 12:30:00 GMT | null
            """)
    void readsFreshnessFromCacheControlThenExpires(String cacheControl, String expires, String date, Long seconds) {
        Duration expected = seconds == null ? null : Duration.ofSeconds(seconds);

        assertThat(CacheHeaders.freshFor(cacheControl, expires, date, NOW)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Retry-After [{0}] is {1} s")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            120                               | 120
            0                                 | 0
            ' 45 '                            | 45
            Wed, 08 May 2024 12:02:00 GMT     | 120
            Wed, 08 May 2024 11:59:00 GMT     | null
            -5                                | null
            1.5                               | null
            soon                              | null
                                              | null
            """)
    void readsRetryAfterAsSecondsOrADate(String value, Long seconds) {
        Duration expected = seconds == null ? null : Duration.ofSeconds(seconds);

        assertThat(CacheHeaders.retryAfter(value, NOW)).isEqualTo(expected);
    }

    @Test
    void keepsValidatorsVerbatimAndJoinsCacheControlLines() {
        HttpHeaders headers = headers(Map.of(
                "ETag", List.of("W/\"a,b\""),
                "Last-Modified", List.of("Wed, 08 May 2024 11:00:00 GMT"),
                "Cache-Control", List.of("public", "s-maxage=30")));

        assertThat(CacheHeaders.hints(headers, NOW))
                .isEqualTo(new CacheHints("W/\"a,b\"", "Wed, 08 May 2024 11:00:00 GMT", Duration.ofSeconds(30)));
    }

    @Test
    void fillsInTheValidatorsA304LeavesOutFromThoseSent() {
        HttpHeaders headers = headers(Map.of("ETag", List.of("\"v2\"")));

        assertThat(CacheHeaders.revalidated(headers, NOW, new Validators("\"v1\"", "Wed, 08 May 2024 11:00:00 GMT")))
                .isEqualTo(new CacheHints("\"v2\"", "Wed, 08 May 2024 11:00:00 GMT", null));
    }

    @Test
    void givesNoHintsForAResponseWithoutCachingHeaders() {
        assertThat(CacheHeaders.hints(headers(Map.of()), NOW)).isEqualTo(CacheHints.NONE);
    }

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (name, value) -> true);
    }
}
