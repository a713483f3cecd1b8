package io.newsmon.app.pipeline;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.app.Newsmon;
import io.newsmon.app.config.Setting;
import io.newsmon.app.config.Settings;
import io.newsmon.enrich.dedup.Duplicates;
import io.newsmon.ingest.IngestSettings;
import io.newsmon.ingest.fetch.FetchSettings;
import io.newsmon.ingest.politeness.PolitenessSettings;
import io.newsmon.ingest.schedule.PollSettings;
import io.newsmon.kafka.KafkaStage;
import io.newsmon.store.jdbc.StoreOptions;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The catalogue's default of a setting that fills a field of a stage's settings is that field's default. */
class SettingDefaultsTest {
    private static final FetchSettings FETCH = FetchSettings.defaults();
    private static final PolitenessSettings POLITENESS = PolitenessSettings.defaults();
    private static final PollSettings POLL = PollSettings.defaults();

    /** Each setting that fills a stage's field, and that field's default. */
    private static final Map<Setting<?>, Object> FIELD_DEFAULTS = Map.ofEntries(
            entry(Settings.ALLOW_PRIVATE_ADDRESSES, FETCH.allowPrivateAddresses()),
            entry(Settings.PER_HOST_DELAY, POLITENESS.perHostDelay()),
            entry(Settings.PER_HOST_CONNECTIONS, POLITENESS.perHostConnections()),
            entry(Settings.IGNORE_ROBOTS_TXT, POLITENESS.ignoreRobotsTxt()),
            entry(Settings.POLL_INTERVAL, POLL.pollInterval()),
            entry(Settings.MIN_POLL_INTERVAL, POLL.minPollInterval()),
            entry(Settings.MAX_POLL_INTERVAL, POLL.maxPollInterval()),
            entry(Settings.MAX_BACKOFF, POLL.maxBackoff()),
            entry(Settings.DUPLICATE_WINDOW, Duplicates.DEFAULT_WINDOW),
            entry(Settings.RECORD_BUDGET, KafkaStage.DEFAULT_RECORD_BUDGET));
    /** The settings that fill no stage's field (the command uses them itself), or that have no default. */
    private static final Set<Setting<?>> COMMANDS_OWN = Set.of(Settings.FEEDS, Settings.TOPICS,
            Settings.BOOTSTRAP_SERVERS, Settings.INSTANCE_ID, Settings.STORE, Settings.DATA_DIR, Settings.DRAIN_TIMEOUT,
            Settings.ONCE_DEADLINE, Settings.METRICS_PORT, Settings.METRICS_BIND, Settings.LOG_FORMAT,
            Settings.LOG_LEVEL);

    @Test
    void everySettingThatFillsAStageFieldDefaultsToThatFieldsDefault() {
        FIELD_DEFAULTS.forEach((setting, fieldDefault) -> assertThat(defaultOf(setting)).as(setting.key())
                .isEqualTo(fieldDefault));
        assertThat(FetchSettings.userAgentFor(defaultOf(Settings.CONTACT))).as("contact").isEqualTo(FETCH.userAgent());
        assertThat(defaultOf(Settings.RECORD_BUDGET)).as("record-budget of store")
                .isEqualTo(StoreOptions.DEFAULTS.writeTimeout());
    }

    @Test
    void everySettingEitherFillsAStageFieldOrIsTheCommandsOwn() {
        Set<Setting<?>> classified = new HashSet<>(FIELD_DEFAULTS.keySet());
        classified.add(Settings.CONTACT);
        assertThat(classified).doesNotContainAnyElementsOf(COMMANDS_OWN);
        classified.addAll(COMMANDS_OWN);
        assertThat(classified).containsExactlyInAnyOrderElementsOf(Settings.ALL);
    }

    @Test
    void whatIngestBuildsFromTheDefaultsIsTheStagesDefaults() {
        CommandLine cli = Newsmon.commandLine(Map.of());
        cli.parseArgs("ingest");
        SourceOptions sources = cli.getSubcommands().get("ingest").<IngestCommand>getCommand().sources;

        assertThat(sources.fetch()).isEqualTo(FETCH);
        assertThat(sources.politeness()).isEqualTo(POLITENESS);
        assertThat(sources.ingest()).isEqualTo(IngestSettings.defaults());
    }

    private static <T> T defaultOf(Setting<T> setting) {
        return setting.valueOf(setting.defaultValue());
    }
}
