package io.newsmon.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmon.app.ops.HealthCheck;
import io.newsmon.app.ops.StatusServer;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The {@code --metrics-port} option of the stage commands. */
final class MetricsOptions {
    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve /metrics (Prometheus) and /health on this port of all interfaces; 0 picks a free one."
                    + " Not served unless given.")
    Integer port;

    /** Starts the status server when a port was given; null otherwise. */
    StatusServer start(PrometheusMeterRegistry registry, Map<String, HealthCheck> checks) {
        if (port == null) {
            return null;
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--metrics-port " + port + " is not a port: give 1 to 65535, or 0");
        }
        StatusServer server = StatusServer.start(port, registry, checks);
        LoggerFactory.getLogger(MetricsOptions.class).info("newsmon: /metrics and /health on port {}", server.port());
        return server;
    }
}
