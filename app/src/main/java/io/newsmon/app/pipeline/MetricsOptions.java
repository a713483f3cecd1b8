package io.newsmon.app.pipeline;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmon.app.ops.HealthCheck;
import io.newsmon.app.ops.StatusServer;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * The {@code --metrics-port} and {@code --metrics-bind} options of the stage commands (a port, checked at
 * start-up, none by default; the address, 127.0.0.1 by default).
 */
final class MetricsOptions {
    @Option(names = "--metrics-port", paramLabel = "PORT")
    Integer port;

    @Option(names = "--metrics-bind", paramLabel = "ADDRESS")
    String bind;

    /** Starts the status server when a port was given; null otherwise. */
    StatusServer start(PrometheusMeterRegistry registry, Map<String, HealthCheck> checks) {
        if (port == null) {
            return null;
        }
        StatusServer server = StatusServer.start(bind, port, registry, checks);
        LoggerFactory.getLogger(MetricsOptions.class).info("newsmon: /metrics and /health on {} port {}", bind,
                server.port());
        return server;
    }
}
