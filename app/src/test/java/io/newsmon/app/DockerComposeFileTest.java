package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsmon.app.ops.HealthCheck;
import io.newsmon.app.ops.StatusServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml}: Kafka, PostgreSQL and the three stages built from the {@code Dockerfile},
 * configured through {@code NEWSMON_*} environment variables, each with a health check and a restart
 * policy. No Docker engine is needed: the file is read as YAML, the stages' health check runs with bash
 * against a real {@link StatusServer}, and {@code docker-compose config -q} checks the file where it is
 * installed.
 */
class DockerComposeFileTest {
    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final List<String> STAGES = List.of("ingest", "enrich", "store");
    private static final List<String> SERVICES = List.of("kafka", "postgres", "ingest", "enrich", "store");

    @Test
    void declaresBrokerDatabaseAndTheThreeStagesBuiltFromThisRepository() {
        JsonNode services = services();

        assertThat(fieldNames(services)).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(services.at("/kafka/image").asText()).startsWith("apache/kafka:");
        assertThat(services.at("/kafka/environment/KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(services.at("/postgres/image").asText()).startsWith("postgres:");
        for (String stage : STAGES) {
            assertThat(services.at("/" + stage + "/build").asText()).as(stage).isEqualTo(".");
        }
        assertThat(Files.exists(Path.of("..", "Dockerfile"))).isTrue();
    }

    @Test
    void configuresTheStagesThroughTheEnvironmentNotTheCommandLine() {
        JsonNode services = services();
        for (String stage : STAGES) {
            JsonNode service = services.get(stage);
            assertThat(textValues(service.get("command"))).as(stage + " command").containsExactly(stage);
            assertThat(fieldNames(service.get("environment"))).as(stage + " environment").allMatch(name -> name.startsWith("NEWSMON_"));
            assertThat(service.at("/environment/NEWSMON_BOOTSTRAP_SERVERS").asText()).as(stage).isEqualTo("kafka:9092");
            assertThat(service.at("/environment/NEWSMON_LOG_FORMAT").asText()).as(stage).isEqualTo("json");
        }
        assertThat(services.at("/store/environment/NEWSMON_STORE").asText()).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(services.at("/ingest/environment").has("NEWSMON_STORE")).as("ingest needs no database").isFalse();
        assertThat(services.at("/enrich/environment").has("NEWSMON_STORE")).as("enrich needs no database").isFalse();
    }

    @Test
    void servesEachStagesMetricsOnAPortPublishedWithoutAFixedHostPortSoThatStagesScale() {
        JsonNode services = services();
        for (String stage : STAGES) {
            JsonNode service = services.get(stage);
            String port = service.at("/environment/NEWSMON_METRICS_PORT").asText();
            assertThat(port).as(stage + " NEWSMON_METRICS_PORT").matches("[1-9][0-9]{1,4}");
            assertThat(service.at("/environment/NEWSMON_METRICS_BIND").asText())
                    .as(stage + " NEWSMON_METRICS_BIND: reachable from outside its container").isEqualTo("0.0.0.0");
            assertThat(textValues(service.get("ports"))).as(stage + " ports").containsExactly("127.0.0.1::" + port);
            assertThat(healthCheck(service)).as(stage + " health check").contains("${NEWSMON_METRICS_PORT}", "/health");
        }
    }

    @Test
    void givesEveryServiceAHealthCheckARestartPolicyAndStartsTheStagesOnceTheirDependenciesAreHealthy() {
        JsonNode services = services();
        for (String name : SERVICES) {
            JsonNode service = services.get(name);
            assertThat(service.at("/healthcheck/test").size()).as(name + " health check").isGreaterThan(1);
            assertThat(service.at("/restart").asText()).as(name + " restart").isEqualTo("unless-stopped");
        }
        for (String stage : STAGES) {
            assertThat(services.at("/" + stage + "/depends_on/kafka/condition").asText()).as(stage).isEqualTo("service_healthy");
        }
        assertThat(services.at("/store/depends_on/postgres/condition").asText()).isEqualTo("service_healthy");
        assertThat(services.at("/ingest/depends_on").has("postgres")).as("ingest needs no database").isFalse();
    }

    @Test
    void publishesAnExternalKafkaListenerOnLocalhostForClientsOnTheHost() {
        JsonNode kafka = services().get("kafka");

        assertThat(kafka.at("/environment/KAFKA_ADVERTISED_LISTENERS").asText()).contains("EXTERNAL://localhost:9094");
        assertThat(kafka.at("/environment/KAFKA_LISTENERS").asText()).contains("EXTERNAL://:9094");
        assertThat(textValues(kafka.get("ports"))).contains("127.0.0.1:9094:9094");
    }

    @Test
    void theStagesHealthCheckPassesOnlyWhenHealthAnswers200() throws Exception {
        Assumptions.assumeTrue(onPath("bash") != null, "bash is not installed: the health check cannot run here");
        for (String stage : STAGES) {
            String check = healthCheck(services().get(stage));
            try (StatusServer up = StatusServer.start(0, StatusServer.registry(), Map.of("broker", () -> HealthCheck.Health.up("1 node")));
                 StatusServer down = StatusServer.start(0, StatusServer.registry(), Map.of("broker", () -> HealthCheck.Health.down("no answer")))) {
                assertThat(runBash(check, up.port())).as(stage + " health check against UP").isZero();
                assertThat(runBash(check, down.port())).as(stage + " health check against DOWN").isNotZero();
            }
        }
    }

    @Test
    void dockerComposeAcceptsTheFileWhereTheToolIsInstalled() throws Exception {
        String tool = onPath("docker-compose");
        Assumptions.assumeTrue(tool != null, "docker-compose is not installed (apt-get install --no-install-recommends "
                + "docker-compose; .ci/run does so): only the structural tests above ran");
        List<String> command = new ArrayList<>(List.of(tool, "-f", COMPOSE.toString(), "config", "-q"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** The shell script of a stage's {@code ["CMD", "bash", "-c", script]} health check, as Docker runs it. */
    private static String healthCheck(JsonNode service) {
        List<String> test = textValues(service.at("/healthcheck/test"));
        assertThat(test).as("health check").hasSize(4).startsWith("CMD", "bash", "-c");
        return test.get(3).replace("$$", "$"); // compose's escape for a literal $
    }

    private static int runBash(String script, int metricsPort) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        builder.environment().put("NEWSMON_METRICS_PORT", String.valueOf(metricsPort));
        Process process = builder.start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("health check finished").isTrue();
        return process.exitValue();
    }

    private static JsonNode services() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile()).get("services");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File file = new File(dir, name);
            if (file.canExecute()) {
                return file.getPath();
            }
        }
        return null;
    }
}
