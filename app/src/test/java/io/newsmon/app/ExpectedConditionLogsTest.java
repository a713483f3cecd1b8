package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.newsmon.ingest.InMemorySeenIds;
import io.newsmon.ingest.IngestSettings;
import io.newsmon.ingest.Ingester;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.fetch.FetchSettings;
import io.newsmon.ingest.fetch.HttpFetcher;
import io.newsmon.ingest.politeness.PolitenessSettings;
import io.newsmon.ingest.schedule.InMemoryFeedStates;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Expected conditions are logged as one line that names the thing and the reason, never with a stack trace. */
class ExpectedConditionLogsTest {
    @Test
    void anUnreachableFeedIsOneWarningWithItsUrlAndReasonAndNoStackTrace() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/feed.xml";
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        root.addAppender(events);
        try (Ingester ingester = new Ingester(new HttpFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true)),
                PolitenessSettings.defaults().withIgnoreRobotsTxt(true), IngestSettings.defaults(), Clock.systemUTC())) {
            ingester.pollOnce(List.of(FeedSource.feed(url)), new InMemoryFeedStates(), new InMemorySeenIds(), page -> { });
        } finally {
            root.detachAppender(events);
        }

        List<ILoggingEvent> aboutTheFeed = events.list.stream()
                .filter(event -> event.getFormattedMessage().contains(url)).toList();
        assertThat(aboutTheFeed).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("could not connect to 127.0.0.1:" + closedPort)
                    .contains("next try at").doesNotContain("\n");
            assertThat(event.getThrowableProxy()).isNull();
        });
    }
}
