package io.newsmon.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void metricsHoldTheJvmsAndTheStagesMetersInPrometheusFormat() throws Exception {
        PrometheusMeterRegistry registry = StatusServer.registry();
        Counter.builder("newsmon.test.articles").register(registry).increment(3);
        try (StatusServer server = StatusServer.start(0, registry, Map.of())) {
            HttpResponse<String> metrics = get(server, "/metrics");

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(metrics.body()).contains("newsmon_test_articles_total 3.0").contains("jvm_memory_used_bytes")
                    .contains("process_uptime_seconds");
        }
    }

    /** By default the meters, which name feed URLs, are served to this machine only. */
    @Test
    void listensOnLoopbackOnlyUnlessToldOtherwise() throws Exception {
        try (StatusServer server = StatusServer.start(0, StatusServer.registry(), Map.of())) {
            assertThat(server.address().getAddress().isLoopbackAddress()).as("bound to " + server.address()).isTrue();
            Optional<InetAddress> external = externalAddress();
            if (external.isPresent()) {
                assertThatThrownBy(() -> new Socket(external.get(), server.port()).close())
                        .as("connecting through " + external.get()).isInstanceOf(ConnectException.class);
            }
        }
        try (StatusServer server = StatusServer.start("0.0.0.0", 0, StatusServer.registry(), Map.of())) {
            assertThat(server.address().getAddress().isAnyLocalAddress()).isTrue();
            assertThat(get(server, "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anAddressThatIsNotOneOfThisMachineIsRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> StatusServer.start("192.0.2.1", 0, StatusServer.registry(), Map.of()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot serve /metrics and /health on 192.0.2.1 port 0")
                .hasMessageContaining("--metrics-bind");
    }

    /** An address of this machine's that is not loopback, if it has one. */
    private static Optional<InetAddress> externalAddress() throws Exception {
        return NetworkInterface.networkInterfaces().filter(network -> {
            try {
                return network.isUp() && !network.isLoopback();
            } catch (java.net.SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(address -> address instanceof Inet4Address).findFirst();
    }

    @Test
    void healthIsUpWhenEveryCheckPassesAndDownWithTheFailingChecksDetailOtherwise() throws Exception {
        Map<String, HealthCheck> checks = Map.of("broker", () -> HealthCheck.Health.up("127.0.0.1:9092, 1 node"),
                "database", () -> HealthCheck.Health.down("jdbc:postgresql://db/news: Connection refused"));
        try (StatusServer up = StatusServer.start(0, StatusServer.registry(), Map.of("broker", checks.get("broker")));
             StatusServer down = StatusServer.start(0, StatusServer.registry(), checks)) {
            HttpResponse<String> healthy = get(up, "/health");
            HttpResponse<String> unhealthy = get(down, "/health");

            assertThat(healthy.statusCode()).isEqualTo(200);
            assertThat(healthy.body()).startsWith("{\"status\":\"UP\"").contains("127.0.0.1:9092, 1 node");
            assertThat(unhealthy.statusCode()).isEqualTo(503);
            assertThat(unhealthy.body()).startsWith("{\"status\":\"DOWN\"")
                    .contains("\"database\":{").contains("Connection refused");
        }
    }

    @Test
    void aCheckThatThrowsCountsAsDown() throws Exception {
        HealthCheck broken = () -> {
            throw new IllegalStateException("pool closed");
        };
        try (StatusServer server = StatusServer.start(0, StatusServer.registry(), Map.of("database", broken))) {
            HttpResponse<String> health = get(server, "/health");

            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("pool closed");
        }
    }

    private HttpResponse<String> get(StatusServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
