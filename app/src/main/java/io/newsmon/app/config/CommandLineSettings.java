package io.newsmon.app.config;

import io.newsmon.app.logging.Logging;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * Ties {@link Settings} to picocli, so that the options of the commands that read settings declare only
 * their names, parameter label and arity:
 *
 * <ul>
 *   <li>their defaults come from this {@link IDefaultValueProvider}: the environment, else the config file
 *       ({@code --config FILE}, else {@code NEWSMON_CONFIG}), else the setting's default;</li>
 *   <li>their descriptions in {@code --help} come from a resource bundle built from the settings' docs,
 *       with the value in effect and where it comes from;</li>
 *   <li>before a command runs, an execution strategy checks the final values of its settings (from the
 *       command line, the environment, the file or the default), prints one line per problem and exits
 *       with the configuration error code, or else applies the log format and level and runs it.</li>
 * </ul>
 *
 * <p>An option stands for a setting when its long name is {@code --KEY} and the setting lists the
 * command. Values from the environment or the file that are not of the setting's type are not given to
 * picocli (which would blame the option); the check reports them with their source.
 */
public final class CommandLineSettings implements IDefaultValueProvider {
    private final CommandLine root;
    private final Map<String, String> env;
    private final int errorExitCode;
    private final Map<Path, ConfigFile> files = new ConcurrentHashMap<>();

    private CommandLineSettings(CommandLine root, Map<String, String> env, int errorExitCode) {
        this.root = root;
        this.env = Map.copyOf(env);
        this.errorExitCode = errorExitCode;
    }

    /**
     * Installs the settings on {@code root} and all its subcommands.
     *
     * @param env           the environment, for example {@code System.getenv()}
     * @param errorExitCode the exit code of a command whose settings are wrong
     */
    public static void install(CommandLine root, Map<String, String> env, int errorExitCode) {
        CommandLineSettings settings = new CommandLineSettings(root, env, errorExitCode);
        root.registerConverter(Duration.class, CommandLineSettings::duration);
        root.setDefaultValueProvider(settings);
        root.setResourceBundle(settings.descriptions());
        root.setExecutionStrategy(settings.checkingBefore(root.getExecutionStrategy()));
    }

    /** The settings installed on the command line of {@code spec}. */
    static CommandLineSettings of(CommandSpec spec) {
        if (spec.commandLine().getDefaultValueProvider() instanceof CommandLineSettings settings) {
            return settings;
        }
        throw new IllegalStateException("CommandLineSettings.install was not called for " + spec.qualifiedName());
    }

    /** The command's name below the root, as {@link Settings} names it: {@code ingest}, {@code feeds status}. */
    public static String commandName(CommandSpec spec) {
        CommandSpec top = spec;
        while (top.parent() != null) {
            top = top.parent();
        }
        return spec == top ? "" : spec.qualifiedName(" ").substring(top.name().length() + 1);
    }

    /** The setting {@code option} stands for, if any. */
    public static Optional<Setting<?>> settingOf(OptionSpec option) {
        String name = option.longestName();
        if (!name.startsWith("--")) {
            return Optional.empty();
        }
        String command = commandName(option.command());
        return Settings.byKey(name.substring(2)).filter(setting -> setting.commands().contains(command));
    }

    /** The environment and the config file of {@code spec}'s command. */
    public SettingSources sources(CommandSpec spec) {
        return new SettingSources(env, configFile(spec));
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        if (option.longestName().equals(ConfigFileOption.NAME)) {
            return nonBlank(env.get(Settings.CONFIG_ENV));
        }
        return settingOf(option).flatMap(setting -> sources(option.command()).lookup(setting)
                .flatMap(value -> parsed(setting, value))).orElse(null);
    }

    private ConfigFile configFile(CommandSpec spec) {
        OptionSpec option = spec.findOption(ConfigFileOption.NAME);
        Object given = option == null ? null : option.getValue();
        String fromEnv = nonBlank(env.get(Settings.CONFIG_ENV));
        String path = given != null ? given.toString() : fromEnv;
        if (path == null) {
            return ConfigFile.NONE;
        }
        String source = path.equals(fromEnv) ? Settings.CONFIG_ENV : ConfigFileOption.NAME;
        try {
            Path file = Path.of(path);
            return files.computeIfAbsent(file.toAbsolutePath().normalize(), absolute -> ConfigFile.load(file, source));
        } catch (InvalidPathException e) {
            return new ConfigFile(null, Map.of(), List.of(Problem.badValue("config", path, source,
                    "must be a file path (" + e.getReason() + ")")));
        }
    }

    /** The value as picocli should convert it, when it is of the setting's type. */
    private static Optional<String> parsed(Setting<?> setting, SettingValue value) {
        try {
            return Optional.of(String.valueOf(setting.type().parse(value.text())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private IExecutionStrategy checkingBefore(IExecutionStrategy next) {
        return parseResult -> {
            Integer help = CommandLine.executeHelpRequest(parseResult);
            if (help != null) {
                return help;
            }
            ParseResult leaf = parseResult;
            while (leaf.hasSubcommand()) {
                leaf = leaf.subcommand();
            }
            return check(leaf) ? next.execute(parseResult) : errorExitCode;
        };
    }

    /** Checks the settings of the command about to run; true when it may run. */
    private boolean check(ParseResult leaf) {
        CommandSpec spec = leaf.commandSpec();
        String command = commandName(spec);
        SettingSources sources = sources(spec);
        List<Setting<?>> settings = Settings.forCommand(command);
        if (settings.isEmpty()) {
            applyLogging(Validation.check(List.of(Settings.LOG_FORMAT, Settings.LOG_LEVEL), sources::lookup, null));
            return true;
        }
        PrintWriter err = spec.commandLine().getErr();
        sources.warnings().forEach(warning -> err.println("newsmon " + command + ": warning: " + warning));
        Validation validation = Validation.check(settings,
                setting -> fromCommandLine(leaf, setting).or(() -> sources.lookup(setting)), command);
        List<Problem> problems = new ArrayList<>(sources.problems());
        problems.addAll(validation.problems());
        problems.forEach(problem -> err.println("newsmon " + command + ": " + problem));
        err.flush();
        if (problems.isEmpty()) {
            applyLogging(validation);
        }
        return problems.isEmpty();
    }

    private static void applyLogging(Validation validation) {
        Logging.apply(validation.value(Settings.LOG_FORMAT).orElse(Settings.LOG_FORMAT.defaultValue()),
                validation.value(Settings.LOG_LEVEL).orElse(Settings.LOG_LEVEL.defaultValue()));
    }

    private static Optional<SettingValue> fromCommandLine(ParseResult leaf, Setting<?> setting) {
        OptionSpec matched = leaf.matchedOption(setting.option());
        if (matched == null) {
            return Optional.empty();
        }
        List<String> given = matched.originalStringValues();
        String text = given.isEmpty() ? String.valueOf(matched.<Object>getValue()) : given.getLast();
        return Optional.of(new SettingValue(text, setting.option()));
    }

    private ResourceBundle descriptions() {
        Map<String, Map.Entry<CommandSpec, Setting<?>>> keys = new LinkedHashMap<>();
        collect(root, keys);
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                Map.Entry<CommandSpec, Setting<?>> entry = keys.get(key);
                return entry == null ? null : description(entry.getKey(), entry.getValue());
            }

            @Override
            public Enumeration<String> getKeys() {
                return Collections.enumeration(keys.keySet());
            }
        };
    }

    private static void collect(CommandLine command, Map<String, Map.Entry<CommandSpec, Setting<?>>> keys) {
        CommandSpec spec = command.getCommandSpec();
        for (OptionSpec option : spec.options()) {
            settingOf(option).ifPresent(setting -> keys.put(spec.qualifiedName(".") + "." + setting.key(),
                    Map.entry(spec, setting)));
        }
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, keys));
    }

    /** The setting's doc, the value in effect and where it comes from, its rule and its environment variable. */
    String description(CommandSpec spec, Setting<?> setting) {
        StringBuilder text = new StringBuilder(setting.doc());
        Optional<SettingValue> value = sources(spec).lookup(setting);
        if (value.isPresent() && value.get().isDefault()) {
            text.append(" Default: ").append(setting.show(value.get().text())).append('.');
        } else if (value.isPresent()) {
            text.append(" Now: ").append(setting.show(value.get().text())).append(" (from ").append(value.get().source())
                    .append(setting.defaultValue() == null ? "" : "; default " + setting.defaultValue()).append(").");
        } else if (setting.isRequiredBy(commandName(spec))) {
            text.append(" Required.");
        }
        setting.ruleText().ifPresent(rule -> text.append(" M").append(rule.substring(1)).append('.'));
        text.append(" Env: ").append(setting.env()).append('.');
        return text.toString().replace("%", "%%").replace("${", "$${");
    }

    private static Duration duration(String text) {
        try {
            return ValueType.DURATION.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + text + "' " + e.getMessage());
        }
    }

    private static String nonBlank(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
