package io.newsmon.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BrokerWatchTest {
    @Test
    void anOutageIsOneWarningWhenTheBrokerGoesAndOneLineWhenItIsBackHoweverManyChecksFail() {
        Queue<HealthCheck.Health> answers = new ArrayDeque<>(List.of(
                HealthCheck.Health.up("kafka:9092, 1 node"),
                HealthCheck.Health.down("kafka:9092: no answer within 3 s (TimeoutException)"),
                HealthCheck.Health.down("kafka:9092: no answer within 3 s (TimeoutException)"),
                HealthCheck.Health.down("kafka:9092: no answer within 3 s (TimeoutException)"),
                HealthCheck.Health.up("kafka:9092, 1 node"),
                HealthCheck.Health.up("kafka:9092, 1 node")));
        Logger logger = (Logger) LoggerFactory.getLogger(BrokerWatch.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try (BrokerWatch watch = BrokerWatch.start("enrich", answers::remove)) {
            while (!answers.isEmpty()) {
                watch.check();
            }
        } finally {
            logger.detachAppender(events);
        }
        assertThat(events.list).hasSize(2);
        assertThat(events.list.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(events.list.get(0).getFormattedMessage()).startsWith("enrich: the broker does not answer")
                .contains("kafka:9092: no answer within 3 s");
        assertThat(events.list.get(1).getLevel()).isEqualTo(Level.INFO);
        assertThat(events.list.get(1).getFormattedMessage()).startsWith("enrich: the broker answers again; it did not answer for up to");
    }
}
