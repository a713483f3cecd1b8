package io.newsmon.app.config;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsmon config check}: checks a config file and the {@code NEWSMON_*} environment against
 * {@link Settings}, and prints each problem with the key, the value, where it came from and the rule.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks the config file (--config FILE, else NEWSMON_CONFIG) and the NEWSMON_* environment"
                + " variables: unknown keys, values that are not of the setting's type or break its rule, rules"
                + " between settings. With --for, also that the settings that command needs are set.",
            "Prints one line per problem (key, value, where it came from, rule) and exits 2, or prints"
                    + " FILE: ok, N settings set (...) and exits 0. Variables NEWSMON_* that are no setting get a"
                    + " warning."})
final class ConfigCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    ConfigFileOption configFile;

    @Option(names = "--for", paramLabel = "COMMAND",
            description = "Also check that the settings COMMAND needs are set, for example ingest or store.")
    String command;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (command != null && !Settings.commands().contains(command)) {
            err.println("newsmon config check: --for " + command + ": must be one of "
                    + String.join(", ", Settings.commands()));
            err.flush();
            return 2;
        }
        SettingSources sources = CommandLineSettings.of(spec).sources(spec);
        sources.warnings().forEach(warning -> err.println("newsmon config check: warning: " + warning));
        Validation validation = Validation.check(command == null ? Settings.ALL : Settings.forCommand(command),
                sources::lookup, command);
        List<Problem> problems = new ArrayList<>(sources.problems());
        problems.addAll(validation.problems());
        problems.forEach(problem -> err.println("newsmon config check: " + problem));
        err.flush();
        if (!problems.isEmpty()) {
            return 2;
        }
        out.println(summary(sources, validation));
        out.flush();
        return 0;
    }

    /** {@code newsmon.yml: ok, 2 settings set (per-host-delay, log-format from NEWSMON_LOG_FORMAT)}. */
    static String summary(SettingSources sources, Validation validation) {
        List<String> set = validation.values().entrySet().stream()
                .filter(entry -> !entry.getValue().given().isDefault())
                .map(entry -> entry.getValue().given().source().equals(entry.getKey().env())
                        ? entry.getKey().key() + " from " + entry.getKey().env() : entry.getKey().key())
                .toList();
        String file = sources.file().path() == null ? "no config file" : sources.file().path().toString();
        return file + ": ok, " + set.size() + " setting" + (set.size() == 1 ? "" : "s") + " set"
                + (set.isEmpty() ? "" : set.stream().collect(Collectors.joining(", ", " (", ")")));
    }
}
