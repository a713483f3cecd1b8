package io.newsmon.app.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One setting of newsmon, declared once in {@link Settings}: its key, type, default, rule, one line of
 * documentation and the commands that read it.
 *
 * <p>The key is the long option without its dashes, and names the setting everywhere:
 * {@code --per-host-delay PT2S} on the command line, {@code NEWSMON_PER_HOST_DELAY=PT2S} in the
 * environment, {@code per-host-delay: PT2S} in the config file.
 *
 * <p>Example: {@code Setting.of("per-host-delay", ValueType.DURATION, Duration.ofSeconds(1), "Time between two
 * requests to one host.", "run", "ingest").must(Rule.atLeast(Duration.ZERO))}.
 *
 * @param key          lower case words joined by '-', for example {@code per-host-delay}
 * @param type         how a text becomes a value
 * @param defaultValue the value when none is given, as text ({@link ValueType#format}); null when there is none
 * @param rule         what a value must satisfy; null when any value of the type will do
 * @param doc          one line for {@code --help} and {@code newsmon config docs}
 * @param commands     the commands that read it, for example {@code run} or {@code feeds status}
 * @param requiredBy   the commands that cannot start without it (among {@code commands})
 * @param example      a value for the example config file; the default when null
 * @param display      how a value is shown in messages and help, for example with its password masked
 */
public record Setting<T>(String key, ValueType<T> type, String defaultValue, Rule<? super T> rule, String doc,
                         List<String> commands, List<String> requiredBy, String example,
                         UnaryOperator<String> display) {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public Setting {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("setting key \"" + key + "\" must be lower case words joined by '-'");
        }
        if (doc == null || doc.isBlank()) {
            throw new IllegalArgumentException("setting " + key + " must have a line of documentation");
        }
        commands = List.copyOf(commands);
        requiredBy = List.copyOf(requiredBy);
        if (commands.isEmpty() || !commands.containsAll(requiredBy)) {
            throw new IllegalArgumentException("setting " + key + " must be read by a command, and required only by"
                    + " commands that read it: " + commands + ", " + requiredBy);
        }
        if (!requiredBy.isEmpty() && defaultValue != null) {
            throw new IllegalArgumentException("setting " + key + " has a default, so it cannot be required");
        }
        display = display == null ? UnaryOperator.identity() : display;
    }

    /**
     * A setting without a rule, read by {@code commands}.
     *
     * @param defaultValue the value when none is given, null when there is none; a setting that fills a field
     *                     of a stage's settings record takes the record's default, for example
     *                     {@code PolitenessSettings.defaults().perHostDelay()}
     */
    public static <T> Setting<T> of(String key, ValueType<T> type, T defaultValue, String doc, String... commands) {
        return new Setting<>(key, type, defaultValue == null ? null : type.format(defaultValue), null, doc,
                List.of(commands), List.of(), null, null);
    }

    /** This setting with {@code rule}. */
    public Setting<T> must(Rule<? super T> rule) {
        return new Setting<>(key, type, defaultValue, rule, doc, commands, requiredBy, example, display);
    }

    /** This setting, which {@code these} commands cannot start without. */
    public Setting<T> requiredBy(String... these) {
        return new Setting<>(key, type, defaultValue, rule, doc, commands, List.of(these), example, display);
    }

    /** This setting with an example value for the example config file. */
    public Setting<T> example(String value) {
        return new Setting<>(key, type, defaultValue, rule, doc, commands, requiredBy, value, display);
    }

    /** This setting, its values shown through {@code shown} (to mask passwords). */
    public Setting<T> shown(UnaryOperator<String> shown) {
        return new Setting<>(key, type, defaultValue, rule, doc, commands, requiredBy, example, shown);
    }

    /** The long option: {@code --per-host-delay}. */
    public String option() {
        return "--" + key;
    }

    /** The environment variable: {@code NEWSMON_PER_HOST_DELAY}. */
    public String env() {
        return envName(key);
    }

    /** {@code NEWSMON_} and {@code key} in upper case with '_' for '-'. */
    static String envName(String key) {
        return "NEWSMON_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The text of the rule, or empty when any value of the type will do. */
    public Optional<String> ruleText() {
        return Optional.ofNullable(rule).map(Rule::text);
    }

    /**
     * {@code raw} parsed and checked.
     *
     * @throws IllegalArgumentException with the rule broken as message
     */
    public T valueOf(String raw) {
        T value = type.parse(raw);
        if (rule != null && !rule.test().test(value)) {
            throw new IllegalArgumentException(rule.text());
        }
        return value;
    }

    /** True when {@code command} cannot start without this setting. */
    public boolean isRequiredBy(String command) {
        return requiredBy.contains(command);
    }

    /** {@code raw} as messages and help show it. */
    public String show(String raw) {
        return display.apply(raw);
    }

    @Override
    public String toString() {
        return key;
    }
}
