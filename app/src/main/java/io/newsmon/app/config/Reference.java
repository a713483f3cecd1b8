package io.newsmon.app.config;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reference of {@link Settings}, as {@code newsmon config docs} prints it: text for people, a Markdown
 * table, or a commented example config file.
 */
public final class Reference {
    /** How a setting is given and which source wins, for the text and the example file. */
    static final List<String> PREAMBLE = List.of(
            "Each setting can be given as the long option --KEY, as the environment variable NEWSMON_KEY (KEY in",
            "upper case with '_' for '-') or as a line KEY: VALUE of the YAML config file (--config FILE, else the",
            "file NEWSMON_CONFIG names). The command line wins over the environment, the environment over the",
            "file, the file over the default. Durations are ISO-8601: PT1S, PT15M, PT2H, P30D. Every value is",
            "checked before a command starts; `newsmon config check` checks a file and the environment.");
    private static final Pattern PLAIN_YAML = Pattern.compile("[A-Za-z0-9/._-][^#]*");

    private Reference() {
    }

    /** For people: one block per setting. */
    public static void text(PrintWriter out) {
        out.println("newsmon settings");
        out.println();
        PREAMBLE.forEach(out::println);
        for (Setting<?> setting : Settings.ALL) {
            out.println();
            out.println(setting.key());
            out.println("  " + setting.doc());
            out.println("  env       " + setting.env());
            out.println("  type      " + setting.type().name());
            out.println("  default   " + (setting.defaultValue() == null ? "none" : setting.defaultValue()));
            out.println("  rule      " + rules(setting));
            out.println("  commands  " + String.join(", ", setting.commands()));
            if (!setting.requiredBy().isEmpty()) {
                out.println("  required  by " + String.join(", ", setting.requiredBy()));
            }
        }
        out.println();
        out.println("Rules between settings:");
        Settings.CROSS_RULES.forEach(rule -> out.println("  " + rule.subject().key() + " " + rule.text()));
        out.flush();
    }

    /** A Markdown table, one row per setting. */
    public static void markdown(PrintWriter out) {
        out.println("| key | environment variable | type | default | rule | commands | description |");
        out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (Setting<?> setting : Settings.ALL) {
            String commands = String.join(", ", setting.commands()) + (setting.requiredBy().isEmpty() ? ""
                    : " (required by " + String.join(", ", setting.requiredBy()) + ")");
            out.println("| `" + setting.key() + "` | `" + setting.env() + "` | " + cell(setting.type().name()) + " | "
                    + (setting.defaultValue() == null ? "none" : "`" + setting.defaultValue() + "`") + " | "
                    + cell(rules(setting)) + " | " + commands + " | " + cell(setting.doc()) + " |");
        }
        out.flush();
    }

    /** A config file with every setting commented out at its default (or an example value). */
    public static void yaml(PrintWriter out) {
        out.println("# newsmon config file: uncomment and change what you need.");
        PREAMBLE.forEach(line -> out.println("# " + line));
        for (Setting<?> setting : Settings.ALL) {
            out.println();
            out.println("# " + setting.doc());
            out.println("# " + setting.type().name() + "; " + rules(setting) + "; read by "
                    + String.join(", ", setting.commands())
                    + (setting.requiredBy().isEmpty() ? "" : ", required by " + String.join(", ", setting.requiredBy()))
                    + (setting.defaultValue() == null ? "; no default" : ""));
            String value = setting.defaultValue() != null ? setting.defaultValue() : setting.example();
            out.println("#" + setting.key() + ": " + yamlScalar(value == null ? "" : value));
        }
        out.flush();
    }

    private static String rules(Setting<?> setting) {
        String own = setting.ruleText().orElse("none beyond the type");
        String between = Settings.CROSS_RULES.stream().filter(rule -> rule.subject() == setting)
                .map(rule -> "; " + rule.text()).reduce("", String::concat);
        return own + between;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String yamlScalar(String value) {
        return PLAIN_YAML.matcher(value).matches() && !value.contains(": ") ? value : "'" + value.replace("'", "''") + "'";
    }
}
