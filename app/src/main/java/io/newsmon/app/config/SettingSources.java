package io.newsmon.app.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where settings come from besides the command line: the environment, then the config file, then the
 * defaults. The environment is a map so that tests can give their own.
 *
 * @param env  the environment, for example {@code System.getenv()}
 * @param file the config file, or {@link ConfigFile#NONE}
 */
public record SettingSources(Map<String, String> env, ConfigFile file) {
    /** Prefix of variables that are for the tests, not settings: {@code NEWSMON_TEST_PG_HOST}. */
    private static final String TEST_ONLY = "NEWSMON_TEST_";

    public SettingSources {
        env = Map.copyOf(env);
    }

    /** The value of {@code setting} from the environment, else the file, else its default; empty when none. */
    public Optional<SettingValue> lookup(Setting<?> setting) {
        String fromEnv = env.get(setting.env());
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(new SettingValue(fromEnv, setting.env()));
        }
        return file.value(setting.key())
                .or(() -> Optional.ofNullable(setting.defaultValue()).map(d -> new SettingValue(d, SettingValue.DEFAULT)));
    }

    /** What is wrong with the config file. */
    public List<Problem> problems() {
        return file.problems();
    }

    /**
     * One line per {@code NEWSMON_*} variable that is no setting, with the one probably meant: these are
     * warnings, not errors, since the environment is shared with other programs.
     */
    public List<String> warnings() {
        return new TreeSet<>(env.keySet()).stream()
                .filter(name -> name.startsWith("NEWSMON_") && !name.startsWith(TEST_ONLY)
                        && !name.equals(Settings.CONFIG_ENV))
                .filter(name -> Settings.ALL.stream().noneMatch(setting -> setting.env().equals(name)))
                .map(name -> name + " is not a setting, so it is ignored"
                        + Settings.closestKey(name).map(key -> "; did you mean " + Setting.envName(key) + "?").orElse(""))
                .toList();
    }
}
