package io.newsmon.app.config;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of every command that reads settings: {@code --config FILE}, {@code --log-format} and
 * {@code --log-level}. The log settings are applied by {@link CommandLineSettings} before the command
 * runs, so commands never read these fields.
 */
public final class ConfigOptions {
    @Mixin
    ConfigFileOption configFile;

    @Option(names = "--log-format", paramLabel = "FORMAT")
    String logFormat;

    @Option(names = "--log-level", paramLabel = "LEVEL")
    String logLevel;
}
