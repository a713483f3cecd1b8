package io.newsmon.testkit;

import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/** Whether Testcontainers can reach a Docker engine here; asked once per JVM. */
final class DockerSupport {
    private static volatile Boolean available;

    private DockerSupport() {
    }

    static boolean available() {
        if (available == null) {
            boolean found;
            try {
                found = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                found = false;
            }
            available = found;
            if (!found) {
                LoggerFactory.getLogger(DockerSupport.class).info("No Docker engine for Testcontainers: "
                        + "integration tests use the embedded Kafka broker and the local PostgreSQL server");
            }
        }
        return available;
    }
}
