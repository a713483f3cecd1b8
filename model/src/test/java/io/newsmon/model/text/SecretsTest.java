package io.newsmon.model.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://user:PASSWORD@host/feed.xml                       | http://user:***@host/feed.xml
            https://user:p:a@ss@host:8443/feed.xml?x=1               | https://user:***@host:8443/feed.xml?x=1
            jdbc:postgresql://news:hunter2@db:5432/news              | jdbc:postgresql://news:***@db:5432/news
            http://user@host/feed.xml                                | http://user@host/feed.xml
            http://host:8080/feed.xml                                | http://host:8080/feed.xml
            http://[::1]:8080/feed.xml                               | http://[::1]:8080/feed.xml
            cannot connect: postgres:SECRET123@127.0.0.1; check      | cannot connect: postgres:***@127.0.0.1; check
            host "news:p4ss@db.example" is unknown                    | host "news:***@db.example" is unknown
            contact mailto:ops@example.org                           | contact mailto:ops@example.org
            at 12:30 see ann@example.org                             | at 12:30 see ann@example.org
            """)
    void masksThePasswordOfUserInfo(String text, String masked) {
        assertThat(Secrets.mask(text)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://db/news?user=news&password=s3cr&t&ssl=true | jdbc:postgresql://db/news?user=news&password=***&t&ssl=true
            jdbc:postgresql://db/news?PassWord=x&sslpassword=y           | jdbc:postgresql://db/news?PassWord=***&sslpassword=***
            jdbc:sqlserver://db;user=news;password=x;database=news       | jdbc:sqlserver://db;user=news;password=***;database=news
            https://example.org/rss?token=abc&lang=en                    | https://example.org/rss?token=***&lang=en
            https://example.org/rss?access_token=abc                     | https://example.org/rss?access_token=***
            https://example.org/rss?apikey=abc&api_key=d&apiKey=e        | https://example.org/rss?apikey=***&api_key=***&apiKey=***
            https://example.org/rss?key=abc&sig=d&signature=e            | https://example.org/rss?key=***&sig=***&signature=***
            https://b.example/x.xml?X-Amz-Credential=a&X-Amz-Security-Token=b | https://b.example/x.xml?X-Amz-Credential=***&X-Amz-Security-Token=***
            https://example.org/rss?client_secret=abc#top                | https://example.org/rss?client_secret=***
            https://example.org/rss?q=keyword&author=ann&monkeys=2       | https://example.org/rss?q=keyword&author=ann&monkeys=2
            Connecting with URL: jdbc:x://h/d?password=SECRET123 now     | Connecting with URL: jdbc:x://h/d?password=*** now
            password = hunter2, user = ann                               | password = ***, user = ann
            password=a,b,c                                               | password=***
            feed http://h/f?token=a:b:c: HTTP status 404                 | feed http://h/f?token=***: HTTP status 404
            https://example.org/rss?password=                            | https://example.org/rss?password=
            jdbc:postgresql://db/x?pass%77ord=SECRET123&user=a           | jdbc:postgresql://db/x?pass%77ord=***&user=a
            https://example.org/rss?%74oken=abc                          | https://example.org/rss?%74oken=***
            """)
    void masksTheValuesOfParametersNamedLikeSecrets(String text, String masked) {
        assertThat(Secrets.mask(text)).isEqualTo(masked);
    }

    @Test
    void masksQuotedValuesWhole() {
        assertThat(Secrets.mask("PlainLoginModule required username=\"ann\" password=\"a b;c\";"))
                .isEqualTo("PlainLoginModule required username=\"ann\" password=\"***\";");
        assertThat(Secrets.mask("jdbc:sqlserver://db;password={a;b c};user=ann")).isEqualTo("jdbc:sqlserver://db;password={***};user=ann");
    }

    @Test
    void masksEverySecretOfALongTextAndLeavesTheRest() {
        String text = "feed http://a:one@h1/x?token=two failed; next http://b:three@h2/y";

        assertThat(Secrets.mask(text)).isEqualTo("feed http://a:***@h1/x?token=*** failed; next http://b:***@h2/y");
    }

    @Test
    void isIdempotentAndKeepsNull() {
        String once = Secrets.mask("http://u:p@h/?password=x");

        assertThat(Secrets.mask(once)).isEqualTo(once);
        assertThat(Secrets.mask(null)).isNull();
    }

    @Test
    void takesLinearTimeOnAHugeWordWithoutSeparators() {
        String huge = "a".repeat(200_000) + "password" + "b".repeat(200_000);

        assertThat(Secrets.mask(huge)).isEqualTo(huge);
    }
}
