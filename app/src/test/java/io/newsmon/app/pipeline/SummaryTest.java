package io.newsmon.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.ingest.IngestReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary of {@code newsmon run --once}. */
class SummaryTest {
    @Test
    void printsEachErrorWithPasswordsMaskedAndControlCharactersEscaped() {
        IngestReport ingest = new IngestReport(2, 1, 0, 3, 2, 1, List.of(
                "feed http://ann:PASSWORD@news.example/feed.xml: HTTP status 404 from http://ann:PASSWORD@news.example/feed.xml",
                "page https://news.example/a.html?apikey=KEY7: title \u001b]0;pwned\u0007\u001b[2J\u009b\u202e"));
        StringWriter out = new StringWriter();

        new Summary(ingest, 0, 2, 0, 0, true).print(new PrintWriter(out));

        assertThat(out.toString()).doesNotContain("PASSWORD", "KEY7")
                .contains("    feed http://ann:***@news.example/feed.xml: HTTP status 404 from http://ann:***@news.example/feed.xml\n")
                .contains("    page https://news.example/a.html?apikey=***: title \\u001b]0;pwned\\u0007\\u001b[2J\\u009b\\u202e\n");
        assertThat(out.toString().chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f || c == 0x202e))
                .as("raw control characters").isEmpty();
    }
}
