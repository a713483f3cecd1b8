package io.newsmon.testkit;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** What a PostgreSQL test meets when its server cannot be reached: a skip on a laptop, a failure in CI. */
class TestPostgresTest {

    @Test
    void anUnreachableServerIsASkipWithTheReasonWhenPostgresIsNotRequired() throws IOException {
        TestPostgres.Server server = unreachable();

        assertNull(TestPostgres.startOn(server, false));
        String why = TestPostgres.whyUnavailable();
        assertTrue(why.contains(server.adminUrl()), why);
        assertTrue(why.contains("NEWSMON_TEST_PG_HOST"), why);
    }

    @Test
    void anUnreachableServerFailsTheTestWhenPostgresIsRequired() throws IOException {
        TestPostgres.Server server = unreachable();

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> TestPostgres.startOn(server, true));
        assertTrue(failure.getMessage().contains(server.adminUrl()), failure.getMessage());
        assertTrue(failure.getMessage().contains("NEWSMON_TEST_REQUIRE_POSTGRES=true"), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("so the test fails instead of skipping"), failure.getMessage());
    }

    @Test
    void theSwitchIsReadFromTheSystemProperty() {
        String before = System.getProperty(TestPostgres.REQUIRED_PROPERTY);
        try {
            System.setProperty(TestPostgres.REQUIRED_PROPERTY, "true");
            assertTrue(TestPostgres.required());
        } finally {
            if (before == null) {
                System.clearProperty(TestPostgres.REQUIRED_PROPERTY);
            } else {
                System.setProperty(TestPostgres.REQUIRED_PROPERTY, before);
            }
        }
    }

    /** A server address on which nothing listens: a port that was free a moment ago. */
    private static TestPostgres.Server unreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new TestPostgres.Server("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }
}
