package io.newsmon.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node KRaft Kafka broker running inside this JVM.
 *
 * <p>Its log directory is formatted on first use and reused afterwards, so topics, records and consumer
 * offsets survive a restart on the same folder. Example:
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(Path.of("newsmon-data/kafka"), 0)) {
 *     String bootstrap = broker.bootstrapServers();   // "127.0.0.1:40123"
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final int port;
    private final Path dataDir;

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port, Path dataDir) {
        this.server = server;
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Formats {@code dataDir} when it is new and starts the broker.
     *
     * @param dataDir the broker's log directory, created when missing
     * @param port    the client port on 127.0.0.1, or 0 for a free one
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, EmbeddedKafkaBroker::freePorts);
    }

    /** Ports picked here, as {@code [client, controller]}; the client port is only used when asked for 0. */
    interface PortPicker {
        int[] pick();
    }

    /**
     * Starts the broker; where it picked the ports itself (port 0 or the controller's), a port that another
     * process took between the pick and the bind is not a failure: it picks again, up to {@value #ATTEMPTS} times.
     */
    static EmbeddedKafkaBroker start(Path dataDir, int port, PortPicker ports) {
        format(dataDir.toAbsolutePath());
        for (int attempt = 1; ; attempt++) {
            int[] picked = ports.pick();
            int clientPort = port == 0 ? picked[0] : port;
            KafkaConfig config = KafkaConfig.fromProps(properties(dataDir.toAbsolutePath(), clientPort, picked[1]));
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                server.startup();
                return new EmbeddedKafkaBroker(server, clientPort, dataDir);
            } catch (RuntimeException e) {
                stopQuietly(server);
                boolean portTaken = causedByBind(e);
                if (!portTaken || attempt == ATTEMPTS || (port != 0 && isClientPort(e, port))) {
                    throw e;
                }
            }
        }
    }

    private static final int ATTEMPTS = 3;

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException
                    || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the bind failure names the port the caller asked for, which picking again cannot mend. */
    private static boolean isClientPort(Throwable e, int port) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(":" + port)) {
                return true;
            }
        }
        return false;
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException ignored) {
            // the start failed already; that failure is the one reported
        }
    }

    /** The {@code bootstrap.servers} value for clients, for example {@code 127.0.0.1:40123}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The broker's log directory. */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker and waits until it has stopped. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    static Properties properties(Path dataDir, int clientPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        // One node: every internal topic has one replica, or groups and transactions never start.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // The default dedupe buffer takes 128 MiB of heap; compacted topics here are small.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        p.put("message.max.bytes", String.valueOf(32 * 1024 * 1024));
        p.put("socket.request.max.bytes", String.valueOf(128 * 1024 * 1024));
        return p;
    }

    private static void format(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(dataDir.resolve("meta.properties"))) {
                return;
            }
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(java.util.List.of(dataDir.toString()))
                    .setMetadataLogDirectory(dataDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the broker data folder " + dataDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the broker data folder " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Two distinct free ports on 127.0.0.1: both sockets are open at once, so the system cannot hand out one twice. */
    static int[] freePorts() {
        InetAddress host;
        try {
            host = InetAddress.getByName(HOST);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + HOST, e);
        }
        try (ServerSocket client = new ServerSocket(0, 1, host); ServerSocket controller = new ServerSocket(0, 1, host)) {
            return new int[] {client.getLocalPort(), controller.getLocalPort()};
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on " + HOST, e);
        }
    }
}
