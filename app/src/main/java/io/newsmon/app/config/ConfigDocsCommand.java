package io.newsmon.app.config;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsmon config docs}: every setting with its environment variable, type, default, rule and commands. */
@Command(name = "docs", mixinStandardHelpOptions = true,
        description = {"Prints the reference of every setting: key, environment variable, type, default, rule,"
                + " the commands that read it and what it does.",
            "--format markdown prints a table; --format yaml an example config file with every setting commented out."})
final class ConfigDocsCommand implements Callable<Integer> {
    /** The forms of the reference. */
    enum Format { text, markdown, yaml }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, markdown or yaml (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case text -> Reference.text(out);
            case markdown -> Reference.markdown(out);
            case yaml -> Reference.yaml(out);
        }
        return 0;
    }
}
