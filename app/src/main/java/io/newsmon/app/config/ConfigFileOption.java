package io.newsmon.app.config;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} option: the YAML file settings are read from, after the command line and the
 * environment. Without it, the file named by {@code NEWSMON_CONFIG}, if any.
 */
public final class ConfigFileOption {
    static final String NAME = "--config";

    @Option(names = NAME, paramLabel = "FILE",
            description = "YAML file of settings (key: value, keys as the long options without --); the command line"
                    + " and the environment win over it. Default: $NEWSMON_CONFIG, else none.")
    Path file;
}
