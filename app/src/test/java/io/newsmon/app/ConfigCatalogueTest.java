package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.newsmon.app.config.CommandLineSettings;
import io.newsmon.app.config.CrossRule;
import io.newsmon.app.config.Setting;
import io.newsmon.app.config.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every option of the commands that read settings is a setting of the catalogue, declared there only. */
class ConfigCatalogueTest {
    private static final List<String> STAGES = List.of("run", "ingest", "enrich", "store");
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(boolean.class, Boolean.class, int.class, Integer.class);

    private final Map<String, CommandSpec> commands = commands(Newsmon.commandLine(Map.of()));

    @Test
    void everyLongOptionOfTheStageCommandsIsASettingOrExemptedWithAReason() {
        for (String command : STAGES) {
            for (OptionSpec option : commands.get(command).options()) {
                String key = option.longestName().substring(2);
                assertThat(Settings.NOT_SETTINGS.containsKey(key)
                        || Settings.byKey(key).filter(s -> s.commands().contains(command)).isPresent())
                        .as("%s %s is neither a setting read by %s nor in Settings.NOT_SETTINGS", command,
                                option.longestName(), command)
                        .isTrue();
            }
        }
        assertThat(Settings.NOT_SETTINGS).allSatisfy((key, why) -> assertThat(why).isNotBlank());
    }

    @Test
    void everySettingIsAnOptionOfEachCommandThatReadsItWithTheSameTypeAndItsDoc() {
        for (Setting<?> setting : Settings.ALL) {
            for (String command : setting.commands()) {
                CommandSpec spec = commands.get(command);
                assertThat(spec).as("command %s of setting %s", command, setting).isNotNull();
                OptionSpec option = spec.findOption(setting.option());
                assertThat(option).as("%s has no option %s", command, setting.option()).isNotNull();
                assertThat(BOXES.getOrDefault(option.type(), option.type())).as("type of %s %s", command, setting.option())
                        .isEqualTo(setting.type().javaType());
                assertThat(option.description()).as("description of %s %s", command, setting.option())
                        .hasSize(1).allSatisfy(line -> assertThat(line).startsWith(setting.doc()).contains(setting.env()));
                assertThat(option.defaultValue()).as("%s %s declares a default besides the catalogue's", command,
                        setting.option()).isNull();
                assertThat(option.required()).as("%s %s is required by picocli, so env and file cannot give it",
                        command, setting.option()).isFalse();
                assertThat(CommandLineSettings.settingOf(option)).contains(setting);
                assertThat(spec.findOption("--config")).as("%s reads settings but has no --config", command).isNotNull();
            }
        }
    }

    @Test
    void everySettingIsDocumentedAndItsDefaultParsesAndKeepsItsOwnRule() {
        assertThat(Settings.ALL).extracting(Setting::key).doesNotHaveDuplicates();
        for (Setting<?> setting : Settings.ALL) {
            assertThat(setting.doc()).as(setting.key()).isNotBlank().endsWith(".");
            assertThat(setting.env()).isEqualTo("NEWSMON_" + setting.key().toUpperCase().replace('-', '_'));
            String value = setting.defaultValue() != null ? setting.defaultValue() : setting.example();
            if (setting.defaultValue() != null || !setting.type().javaType().equals(Path.class)) {
                assertThat(value).as("%s has neither a default nor an example", setting).isNotNull();
                assertThatCode(() -> setting.valueOf(value)).as("%s of %s", value, setting).doesNotThrowAnyException();
            }
        }
        for (CrossRule<?> rule : Settings.CROSS_RULES) {
            assertThat(Settings.ALL).contains(rule.subject(), rule.other());
            assertThat(rule.accepts(rule.subject().valueOf(rule.subject().defaultValue()),
                    rule.other().valueOf(rule.other().defaultValue()))).as("defaults of %s", rule).isTrue();
        }
    }

    @Test
    void optionsOfOtherCommandsWithASettingsNameKeepTheirOwnDefault() {
        CommandLine cli = Newsmon.commandLine(Map.of("NEWSMON_FEEDS", "/etc/newsmon/feeds.yml"));
        cli.parseArgs("feeds", "import", "subscriptions.opml");
        assertThat(feedsOf(cli, "import")).isEqualTo(Path.of("feeds.yml"));
        cli.parseArgs("feeds", "status");
        assertThat(feedsOf(cli, "status")).isEqualTo(Path.of("/etc/newsmon/feeds.yml"));
    }

    /** The value of {@code --feeds} of {@code feeds <command>} after the last parse. */
    private static Path feedsOf(CommandLine cli, String command) {
        return cli.getSubcommands().get("feeds").getSubcommands().get(command).getCommandSpec().findOption("--feeds")
                .getValue();
    }

    private static Map<String, CommandSpec> commands(CommandLine root) {
        Map<String, CommandSpec> all = new LinkedHashMap<>();
        collect(root, all);
        return all;
    }

    private static void collect(CommandLine command, Map<String, CommandSpec> all) {
        all.put(CommandLineSettings.commandName(command.getCommandSpec()), command.getCommandSpec());
        command.getSubcommands().values().forEach(sub -> collect(sub, all));
    }
}
