package io.newsmon.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --data-dir} option: where {@code run} and {@code broker} keep the embedded broker's data (and
 * {@code run} its default SQLite file), and where {@code feeds status} and {@code dlq} find that broker.
 * Default {@code newsmon-data}; see {@link io.newsmon.app.config.Settings#DATA_DIR}.
 */
public final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR")
    Path dataDir;

    /** The folder given, else the setting's value: {@code newsmon-data} by default. */
    public Path dataDir() {
        return dataDir;
    }
}
