package io.newsmon.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicsFileTest {
    @TempDir
    Path dir;

    @Test
    void loadsTopicsInFileOrder() throws IOException {
        Path file = write("""
                topics:
                  - id: trade-war
                    name: Trade war
                    query: tariffs OR "trade talks"
                  - id: 5g
                    name: 5G
                    query: 5g
                """);

        assertThat(TopicsFile.load(file)).containsExactly(
                new TopicDefinition("trade-war", "Trade war", "tariffs OR \"trade talks\""),
                new TopicDefinition("5g", "5G", "5g"));
    }

    @Test
    void bundledTaxonomyLoadsAndEveryQueryParses() {
        List<TopicDefinition> topics = TopicsFile.bundled();

        assertThat(topics).hasSizeGreaterThanOrEqualTo(9);
        try (TopicTagger tagger = new TopicTagger(topics)) {
            assertThat(tagger.topics()).isEqualTo(topics);
        }
    }

    @Test
    void duplicateIdNamesFileEntryValueAndRule() throws IOException {
        Path file = write("""
                topics:
                  - {id: legal, name: Legal, query: court}
                  - {id: legal, name: Courts, query: judge}
                """);

        assertThatThrownBy(() -> TopicsFile.load(file)).isInstanceOf(TopicsFileException.class)
                .hasMessage(file + ": topics[1].id \"legal\" is a duplicate: each id must appear once");
    }

    @Test
    void invalidIdNamesFileEntryValueAndRule() throws IOException {
        Path file = write("""
                topics:
                  - {id: Export Controls, name: Export controls, query: "entity list"}
                """);

        assertThatThrownBy(() -> TopicsFile.load(file)).isInstanceOf(TopicsFileException.class)
                .hasMessageStartingWith(file + ": topics[0]: id \"Export Controls\" must be 1 to 100 lower-case")
                .hasMessageContaining("news.topic.<id>");
    }

    @Test
    void unknownKeyIsAnError() throws IOException {
        Path file = write("""
                topics:
                  - {id: legal, name: Legal, query: court, colour: red}
                """);

        assertThatThrownBy(() -> TopicsFile.load(file)).isInstanceOf(TopicsFileException.class)
                .hasMessage(file + ": topics[0] has unknown key \"colour\": the allowed keys are [id, name, query]");
    }

    @Test
    void unknownTopLevelKeyIsAnError() throws IOException {
        Path file = write("""
                topic:
                  - {id: legal, name: Legal, query: court}
                """);

        assertThatThrownBy(() -> TopicsFile.load(file)).isInstanceOf(TopicsFileException.class)
                .hasMessageContaining("the top level has unknown key \"topic\"");
    }

    @Test
    void missingQueryIsAnError() throws IOException {
        Path file = write("""
                topics:
                  - {id: legal, name: Legal}
                """);

        assertThatThrownBy(() -> TopicsFile.load(file)).isInstanceOf(TopicsFileException.class)
                .hasMessage(file + ": topics[0].query is missing: every topic needs id, name and query");
    }

    @Test
    void nonScalarValueIsAnError() throws IOException {
        Path file = write("""
                topics:
                  - {id: legal, name: [Legal], query: court}
                """);

        assertThatThrownBy(() -> TopicsFile.load(file)).isInstanceOf(TopicsFileException.class)
                .hasMessage(file + ": topics[0].name must be a string, found a list [\"Legal\"]");
    }

    @Test
    void syntaxErrorNamesFileAndLine() throws IOException {
        Path file = write("topics:\n  - {id: legal, name: Legal\n");

        assertThatThrownBy(() -> TopicsFile.load(file)).isInstanceOf(TopicsFileException.class)
                .hasMessageStartingWith(file + ": not valid YAML at line");
    }

    @Test
    void missingTopicsListIsAnError() throws IOException {
        Path file = write("topics: legal\n");

        assertThatThrownBy(() -> TopicsFile.load(file)).isInstanceOf(TopicsFileException.class)
                .hasMessage(file + ": 'topics' must be a list of {id, name, query}, found the value \"legal\"");
    }

    @Test
    void unreadableFileIsAnError() {
        Path missing = dir.resolve("missing.yml");

        assertThatThrownBy(() -> TopicsFile.load(missing)).isInstanceOf(TopicsFileException.class)
                .hasMessageStartingWith(missing + ": cannot be read");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("topics.yml"), yaml);
    }
}
