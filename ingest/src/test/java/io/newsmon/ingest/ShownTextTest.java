package io.newsmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.fetch.FetchSettings;
import io.newsmon.ingest.fetch.HttpFetcher;
import io.newsmon.ingest.fetch.LocalServer;
import io.newsmon.ingest.politeness.PolitenessSettings;
import io.newsmon.ingest.schedule.InMemoryFeedStates;
import io.newsmon.model.FeedState;
import io.newsmon.model.RawPage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Feed URLs with credentials and hostile responses as ingest shows them: in its report's error lines, the
 * feed states' error messages, the meters' {@code feed} tags and silent feeds, passwords and tokens are
 * masked and control characters escaped.
 */
class ShownTextTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final Queue<RawPage> published = new ConcurrentLinkedQueue<>();
    private final InMemorySeenIds seen = new InMemorySeenIds();
    private final InMemoryFeedStates states = new InMemoryFeedStates();
    private LocalServer server;
    private Ingester ingester;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        HttpFetcher http = new HttpFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true));
        ingester = new Ingester(http, PolitenessSettings.defaults().withPerHostDelay(Duration.ZERO), IngestSettings.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC), new SplittableRandom(3), registry);
    }

    @AfterEach
    void stop() {
        ingester.close();
        server.close();
    }

    @Test
    void aFeedUrlWithAPasswordAndATokenIsShownMaskedInErrorsStatesAndMeterTags() {
        String url = server.url("/gone.xml?token=TOKEN9").replace("http://", "http://ann:PASSWORD@");
        String shown = server.url("/gone.xml?token=***").replace("http://", "http://ann:***@");

        IngestReport report = poll(FeedSource.feed(url));

        assertThat(report.errors()).containsExactly("feed " + shown + ": HTTP status 404 from " + shown);
        assertThat(states.get(url).map(FeedState::lastErrorMessage)).contains("HTTP status 404 from " + shown);
        assertThat(registry.getMeters()).isNotEmpty().allSatisfy(meter ->
                assertThat(meter.getId().getTag("feed")).as(meter.getId().getName()).isIn(shown, null));
        assertThat(registry.getMeters()).extracting(this::tags).noneMatch(tags -> tags.contains("PASSWORD") || tags.contains("TOKEN9"));
    }

    @Test
    void hostileLocationsAreQuotedEscapedInTheErrorsAndTheFeedStates() {
        server.redirect("/esc.xml", 302, "javascript:\u001b]0;pwned\u0007\u001b[2J");
        server.redirect("/c1.xml", 302, "javascript:\u009b2J\u0085");

        IngestReport report = poll(FeedSource.feed(server.url("/esc.xml")), FeedSource.feed(server.url("/c1.xml")));

        assertThat(report.errors()).satisfiesExactly(
                error -> assertThat(error).startsWith("feed " + server.url("/esc.xml") + ": ")
                        .contains("javascript:\\u001b]0;pwned\\u0007\\u001b[2J"),
                error -> assertThat(error).isEqualTo("feed " + server.url("/c1.xml") + ": redirect from "
                        + server.url("/c1.xml") + " to \"javascript:\\u009b2J\\u0085\", which is not an http(s) URL"));
        assertThat(states.all()).extracting(FeedState::lastErrorMessage).hasSize(2)
                .allSatisfy(message -> assertThat(message).contains("javascript:\\u")
                        .doesNotContain("\u001b", "\u0007", "\u009b", "\u0085"));
    }

    @Test
    void aPageOfAHostileContentTypeAndALinkWithAPasswordAreShownEscapedAndMasked() {
        String secretLink = server.url("/private.html").replace("http://", "http://bob:PAGEPW@");
        server.serve("/feed.rss", "application/rss+xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<link>" + server.base() + "</link><description>d</description>"
                + "<item><title>a</title><link>" + server.url("/odd.html") + "</link></item>"
                + "<item><title>b</title><link>" + secretLink + "</link></item></channel></rss>");
        server.serve("/odd.html", "application/x-\u009b31m", "<p>odd</p>");

        IngestReport report = poll(FeedSource.feed(server.url("/feed.rss")));

        assertThat(report.errors()).hasSize(2).noneMatch(error -> error.contains("PAGEPW"))
                .noneMatch(error -> error.chars().anyMatch(c -> c == 0x9b))
                .anyMatch(error -> error.contains("application/x-\\u009b31m, not an HTML page"))
                .anyMatch(error -> error.startsWith("page " + secretLink.replace("PAGEPW", "***")));
    }

    @Test
    void aSilentFeedIsDescribedWithItsPasswordMasked() {
        SilentFeed silent = new SilentFeed("http://ann:PASSWORD@news.example/feed.xml\u001b[2J", "News", null,
                Duration.ofMinutes(15));

        assertThat(silent.describe()).isEqualTo(
                "http://ann:***@news.example/feed.xml\\u001b[2J (never read successfully, expected every 15 min)");
    }

    private IngestReport poll(FeedSource... feeds) {
        return ingester.pollOnce(List.of(feeds), states, seen, published::add);
    }

    private String tags(Meter meter) {
        return meter.getId().getTags().toString();
    }
}
