package io.newsmon.app.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks the final values of settings, wherever they came from: each parses as its type and satisfies its
 * rule, the settings a command requires are set, and the {@link Settings#CROSS_RULES} hold.
 *
 * <p>Example: {@code Validation.check(Settings.forCommand("ingest"), sources::lookup, "ingest")}.
 *
 * @param values   the good values by setting, with their sources
 * @param problems one per bad value or missing setting, in the order of the settings
 */
public record Validation(Map<Setting<?>, Checked> values, List<Problem> problems) {
    /** A good value, and the text and source it came from. */
    public record Checked(Object value, SettingValue given) {
    }

    public Validation {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        problems = List.copyOf(problems);
    }

    /**
     * Checks {@code settings} with their values from {@code lookup}.
     *
     * @param command the command that is to start, whose required settings must be set; null to check only
     *                the values that are given
     */
    public static Validation check(Collection<Setting<?>> settings,
                                   Function<Setting<?>, Optional<SettingValue>> lookup, String command) {
        Map<Setting<?>, Checked> values = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Setting<?> setting : settings) {
            Optional<SettingValue> given = lookup.apply(setting);
            if (given.isEmpty()) {
                if (command != null && setting.isRequiredBy(command)) {
                    problems.add(Problem.missing(setting, command));
                }
                continue;
            }
            try {
                values.put(setting, new Checked(setting.valueOf(given.get().text()), given.get()));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.badValue(setting, given.get(), e.getMessage()));
            }
        }
        for (CrossRule<?> rule : Settings.CROSS_RULES) {
            Checked subject = values.get(rule.subject());
            Checked other = values.get(rule.other());
            if (subject != null && other != null && !rule.accepts(subject.value(), other.value())) {
                problems.add(Problem.badValue(rule.subject(), subject.given(), rule.text() + ", "
                        + rule.other().show(other.given().text()) + " (from " + other.given().source() + ")"));
            }
        }
        return new Validation(values, problems);
    }

    /** True when nothing is wrong. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** The good value of {@code setting}, if it has one. */
    public <T> Optional<T> value(Setting<T> setting) {
        return Optional.ofNullable(values.get(setting)).map(checked -> setting.type().javaType().cast(checked.value()));
    }
}
