package io.newsmon.app.config;

import io.newsmon.model.text.Printable;

/**
 * One thing wrong with the configuration, as one line that names the setting, the value, where it came
 * from and the rule: {@code per-host-delay PT-1S (from NEWSMON_PER_HOST_DELAY): must be at least PT0S}.
 *
 * @param key     the setting (or unknown key) it is about; {@code config} for the file as a whole
 * @param message the line
 */
public record Problem(String key, String message) {
    /** The line is kept with its secrets masked and its control characters escaped: it quotes what was given. */
    public Problem {
        message = Printable.text(message);
    }

    /** A value that breaks {@code rule}. */
    static Problem badValue(Setting<?> setting, SettingValue value, String rule) {
        return badValue(setting.key(), setting.show(value.text()), value.source(), rule);
    }

    /** A value of {@code key} that breaks {@code rule}. */
    static Problem badValue(String key, String shownValue, String source, String rule) {
        return new Problem(key, key + " " + quoted(shownValue) + " (from " + source + "): " + rule);
    }

    /** A required setting given nowhere, with the three ways to give it. */
    static Problem missing(Setting<?> setting, String command) {
        return new Problem(setting.key(), setting.key() + " is not set, and " + command + " needs it: give "
                + setting.option() + ", set " + setting.env() + " or put " + setting.key()
                + ": in the config file (--config FILE or NEWSMON_CONFIG)");
    }

    /** Something about the config file as a whole: missing, not YAML, not a map. */
    static Problem file(String where, String what) {
        return new Problem("config", where + ": " + what);
    }

    /** {@code value}, in double quotes when it is empty or has spaces, so that the line stays readable. */
    static String quoted(String value) {
        return value.isEmpty() || value.chars().anyMatch(Character::isWhitespace) ? "\"" + value + "\"" : value;
    }

    @Override
    public String toString() {
        return message;
    }
}
