package io.newsmon.app.ops;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says when the broker goes away (a warning) and when it is back (a line at INFO), once each, however long
 * the outage (the
 * Kafka clients, whose own logs are kept at WARN and above, retry silently meanwhile). It asks the broker
 * check of {@code /health} every {@value #EVERY_SECONDS} s on a thread of its own.
 */
public final class BrokerWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerWatch.class);
    private static final long EVERY_SECONDS = 5;

    private final String stage;
    private final HealthCheck broker;
    private final ScheduledExecutorService timer;
    private boolean away;
    /** When the broker last answered (or the watch started). */
    private long lastAnswer = System.nanoTime();

    private BrokerWatch(String stage, HealthCheck broker) {
        this.stage = stage;
        this.broker = broker;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "newsmon-broker-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Watches {@code broker} (see {@link StageMetrics#broker}) for {@code stage}, for example {@code enrich}. */
    public static BrokerWatch start(String stage, HealthCheck broker) {
        BrokerWatch watch = new BrokerWatch(stage, broker);
        watch.timer.scheduleWithFixedDelay(watch::check, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
        return watch;
    }

    /** Checks once, and logs when the state changed. */
    synchronized void check() {
        HealthCheck.Health health = broker.check();
        if (health.up() && !away) {
            lastAnswer = System.nanoTime();
        } else if (!health.up() && !away) {
            away = true;
            LOG.warn("{}: the broker does not answer ({}); the stage waits and goes on when it is back", stage,
                    health.detail());
        } else if (health.up() && away) {
            away = false;
            LOG.info("{}: the broker answers again; it did not answer for up to {} s ({})", stage,
                    Duration.ofNanos(System.nanoTime() - lastAnswer).toSeconds(), health.detail());
            lastAnswer = System.nanoTime();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
