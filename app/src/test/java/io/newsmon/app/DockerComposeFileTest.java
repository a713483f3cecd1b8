package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DockerComposeFileTest {
    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @Test
    void declaresBrokerDatabaseAndTheThreeStagesBuiltFromThisRepository() throws Exception {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile()).get("services");
        assertThat(services.get("kafka").get("image").asText()).startsWith("apache/kafka:");
        assertThat(services.get("kafka").get("environment").get("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(services.get("postgres").get("image").asText()).startsWith("postgres:");
        for (String stage : List.of("ingest", "enrich", "store")) {
            JsonNode service = services.get(stage);
            assertThat(service.get("build").asText()).as(stage).isEqualTo(".");
            assertThat(service.get("command").get(0).asText()).as(stage).isEqualTo(stage);
            assertThat(service.get("restart").asText()).as(stage).isEqualTo("unless-stopped");
            assertThat(service.get("depends_on").get("kafka").get("condition").asText()).isEqualTo("service_healthy");
        }
        assertThat(Files.exists(Path.of("..", "Dockerfile"))).isTrue();
    }

    @Test
    void dockerComposeAcceptsTheFileWhereTheToolIsInstalled() throws Exception {
        String tool = onPath("docker-compose");
        Assumptions.assumeTrue(tool != null, "docker-compose is not installed (apt-get install --no-install-recommends "
                + "docker-compose; .ci/run does so): only the structural test above ran");
        List<String> command = new ArrayList<>(List.of(tool, "-f", COMPOSE.toString(), "config", "-q"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).as(output).isZero();
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
