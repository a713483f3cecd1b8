package io.newsmon.app.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the embedded broker of a running {@code newsmon run} listens: written to
 * {@code <data-dir>/broker.address} while it runs, so that {@code newsmon feeds status} can find it.
 */
public final class RunningBroker implements AutoCloseable {
    private static final String FILE = "broker.address";

    private final Path file;

    private RunningBroker(Path file) {
        this.file = file;
    }

    /** The embedded broker's data under {@code dataDir}. */
    public static Path kafkaDir(Path dataDir) {
        return dataDir.resolve("kafka");
    }

    /** Records that the embedded broker under {@code dataDir} listens at {@code bootstrapServers}, until closed. */
    public static RunningBroker publish(Path dataDir, String bootstrapServers) {
        Path file = dataDir.resolve(FILE);
        Path partial = dataDir.resolve(FILE + ".partial");
        try {
            // Written whole, then moved in place, so that a reader never sees half an address.
            Files.writeString(partial, bootstrapServers + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new RunningBroker(file);
    }

    /** The address a running {@code newsmon run} published under {@code dataDir}, or null. */
    static String address(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            String address = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
            return address.isEmpty() ? null : address;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale address is detected by the reader
        }
    }
}
