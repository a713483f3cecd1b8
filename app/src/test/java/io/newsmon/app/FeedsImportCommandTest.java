package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsmon feeds import}: what it prints of the feeds it adds. */
class FeedsImportCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsEachAddedFeedWithItsPasswordMaskedAndItsTitleEscaped() throws Exception {
        Path opml = Files.writeString(dir.resolve("subscriptions.opml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>Mine</title></head><body>
                  <outline type="rss" text="News \u009b31m\u202eevil" xmlUrl="http://ann:PASSWORD@news.example/feed.xml?apikey=KEY7"/>
                </body></opml>
                """, StandardCharsets.UTF_8);

        Cli.Result result = Cli.execute("feeds", "import", opml.toString(), "--feeds", dir.resolve("feeds.yml").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).doesNotContain("PASSWORD", "KEY7")
                .contains("  + http://ann:***@news.example/feed.xml?apikey=*** (News \\u009b31m\\u202eevil)");
    }
}
