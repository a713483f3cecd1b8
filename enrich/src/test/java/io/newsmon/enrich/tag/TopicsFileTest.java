package io.newsmon.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicsFileTest {
    /** A hang guard, not a speed test: before the limits these inputs took from 20 s to forever. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

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
    void refusesAKeySetTwiceInOneTopic() throws IOException {
        Path file = write("""
                topics:
                  - id: legal
                    id: courts
                    name: Legal
                    query: court
                """);

        assertThatThrownBy(() -> TopicsFile.load(file)).isInstanceOf(TopicsFileException.class)
                .hasMessage(file + ": not valid YAML at line 3, column 7: Duplicate field 'id'");
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

    @Test
    void topicReferencesThatDoubleAtEachLevelAreRefusedAtTheDepthLimit() throws IOException {
        StringBuilder yaml = new StringBuilder("topics:\n  - {id: t0, name: T0, query: huawei}\n");
        for (int i = 1; i <= 30; i++) {
            yaml.append("  - {id: t%d, name: T%d, query: '+topic:t%d +topic:t%d'}\n".formatted(i, i, i - 1, i - 1));
        }
        Path file = write(yaml.toString());

        refusedAtStartUp(file).hasMessage(file + ": topic \"t11\": its topic: references nest 11 deep"
                + " (t11 -> t10 -> t9 -> t8 -> t7 -> t6 -> t5 -> t4 -> t3 -> t2 -> t1 -> t0), more than the 10 levels"
                + " a topic may have: refer to the topics further down directly");
    }

    @Test
    void topicReferencesThatExpandBeyondTheClauseLimitAreRefused() throws IOException {
        StringBuilder yaml = new StringBuilder("topics:\n  - {id: t0, name: T0, query: huawei}\n");
        for (int i = 1; i <= 5; i++) {
            yaml.append("  - {id: t%d, name: T%d, query: '%s'}\n".formatted(i, i, ("topic:t" + (i - 1) + " ").repeat(25)));
        }
        Path file = write(yaml.toString());

        refusedAtStartUp(file).hasMessage(file + ": topic \"t3\": its query expands to more than 10,000 clauses"
                + " through topic: references (t3 -> t2 -> t1 -> t0): refer to fewer or smaller topics");
    }

    @Test
    void deeplyNestedParenthesesAreRefusedWithoutAStackTrace() throws IOException {
        Path file = write(topic("(".repeat(4_000) + "huawei" + ")".repeat(4_000)));

        refusedAtStartUp(file).hasMessage(file + ": topic \"x\": query \"" + "(".repeat(60) + "…\" (8,006 characters)"
                + " nests parentheses 4,000 deep, more than the 32 levels a query may have");
    }

    @Test
    void aQueryLongerThanTheLimitIsRefused() throws IOException {
        Path file = write(topic("(".repeat(5_000) + "huawei" + ")".repeat(5_000)));

        refusedAtStartUp(file).hasMessage(file + ": topic \"x\": query \"" + "(".repeat(60) + "…\" (10,006 characters)"
                + " is longer than 10,000 characters, the most a query may have: split it into topics that refer to"
                + " each other with topic:<id>");
    }

    @Test
    void longWildcardPrefixAndFuzzyTermsAreRefused() throws IOException {
        String rule = " characters), longer than 100 characters, the most a wildcard, prefix, fuzzy or regular-expression"
                + " term may have";
        Path stars = write(topic("a*".repeat(2_000) + "b"));
        refusedAtStartUp(stars).hasMessage(stars + ": topic \"x\": query \"" + "a*".repeat(30) + "…\" (4,001 characters):"
                + " the wildcard term \"" + "a*".repeat(30) + "…\" (4,001" + rule);

        Path questionMarks = write(topic("?".repeat(5_000)));
        refusedAtStartUp(questionMarks).hasMessageContaining(": the wildcard term \"???").hasMessageEndingWith("(5,000" + rule);

        Path prefix = write(topic("a".repeat(9_999) + "*"));
        refusedAtStartUp(prefix).hasMessageContaining(": the prefix term \"aaa").hasMessageEndingWith("(9,999" + rule);

        Path fuzzy = write(topic("a".repeat(5_000) + "~2"));
        refusedAtStartUp(fuzzy).hasMessageContaining(": the fuzzy term \"aaa").hasMessageEndingWith("(5,000" + rule);
    }

    @Test
    void aWildcardTooComplexToPrepareIsRefusedWithTheRule() throws IOException {
        Path file = write(topic("a*b" + "?".repeat(30)));

        refusedAtStartUp(file).hasMessage(file + ": topic \"x\": query \"a*b" + "?".repeat(30) + "\": the wildcard term \"a*b"
                + "?".repeat(30) + "\" is too complex to prepare for matching (more than Lucene's limit of 10,000 steps):"
                + " use fewer wildcards or repetitions");
    }

    @Test
    void aRegularExpressionThatRepeatsToTooManyStatesIsRefused() throws IOException {
        Path file = write(topic("/(a{1,1000}){1,1000}/"));

        refusedAtStartUp(file).hasMessage(file + ": topic \"x\": query \"/(a{1,1000}){1,1000}/\": the regular expression"
                + " \"(a{1,1000}){1,1000}\" repeats to about 1,000,000 states, more than the 1,000 a regular expression"
                + " may have: use smaller repetition counts");
    }

    @Test
    void anInvalidRegularExpressionNamesTheFileAndTopic() throws IOException {
        Path file = write(topic("/[a-/"));

        refusedAtStartUp(file).hasMessageStartingWith(file + ": topic \"x\": query \"/[a-/\" does not parse: the regular"
                + " expression \"[a-\" is not valid: ");
    }

    @Test
    void nestedRepetitionsInARegularExpressionAreAcceptedWhenSmall() throws IOException {
        Path file = write(topic("/((a*)*)*b/"));

        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (TopicTagger tagger = new TopicTagger(TopicsFile.load(file))) {
                assertThat(tagger.tag("aaab", "Some text aaaaab.")).hasSize(1);
            }
        });
    }

    @Test
    void moreWildcardPrefixOrRegularExpressionTermsThanTheLimitAreRefused() throws IOException {
        StringBuilder yaml = new StringBuilder("topics:\n");
        for (int i = 0; i <= 100; i++) {
            yaml.append("  - {id: t%d, name: T, query: 'word%d*'}\n".formatted(i, i));
        }
        Path file = write(yaml.toString());

        refusedAtStartUp(file).hasMessage(file + ": topic \"t100\": query \"word100*\": the prefix term \"word100\" makes 101"
                + " wildcard, prefix, range and regular-expression terms in the topics so far, more than the 100 they may"
                + " have together: each is tried on every article, so use plain words where you can");
    }

    @Test
    void patternTermsCountAgainInEachTopicThatRefersToThem() throws IOException {
        StringBuilder yaml = new StringBuilder("topics:\n  - {id: t0, name: T, query: 'sanction*'}\n");
        for (int i = 1; i <= 100; i++) {
            yaml.append("  - {id: t%d, name: T, query: 'topic:t0 OR word%d'}\n".formatted(i, i));
        }
        Path file = write(yaml.toString());

        refusedAtStartUp(file).hasMessage(file + ": topic \"t100\": its query brings the wildcard, prefix, range and"
                + " regular-expression terms of the topics to 101 through topic: references, more than the 100 they may"
                + " have together: each is tried on every article, so use plain words where you can");
    }

    @Test
    void moreFuzzyTermsThanTheLimitAreRefused() throws IOException {
        StringBuilder yaml = new StringBuilder("topics:\n");
        for (int i = 0; i <= 20; i++) {
            yaml.append("  - {id: t%d, name: T, query: 'sanktion%d~1'}\n".formatted(i, i));
        }
        Path file = write(yaml.toString());

        refusedAtStartUp(file).hasMessage(file + ": topic \"t20\": query \"sanktion20~1\": the fuzzy term \"sanktion20\""
                + " makes 21 fuzzy terms in the topics so far, more than the 20 they may have together: each takes"
                + " milliseconds on every article");
    }

    @Test
    void queryErrorsNameTheFileAndShortenTheQuery() throws IOException {
        Path file = write(topic("huawei AND (ban " + "x".repeat(200)));

        assertThatThrownBy(() -> TopicsFile.load(file)).isInstanceOf(TopicsFileException.class)
                .hasMessageStartingWith(file + ": topic \"x\": query \"huawei AND (ban xxx")
                .hasMessageContaining("…\" (216 characters) does not parse: ")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(file.toString().length() + 400));
    }

    @Test
    void controlCharactersOfAQueryAreEscapedInTheMessage() throws IOException {
        Path file = write("topics:\n  - {id: x, name: X, query: \"huawei AND (\\e[31mban\"}\n");

        assertThatThrownBy(() -> TopicsFile.load(file)).isInstanceOf(TopicsFileException.class)
                .hasMessageStartingWith(file + ": topic \"x\": query \"huawei AND (\\u001B[31mban\" does not parse: ")
                .hasMessageNotContaining("\u001B");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeParsing() throws IOException {
        Path file = write("topics:\n" + ("  - {id: a, name: A, query: b}\n".repeat(200_000)));

        refusedAtStartUp(file).hasMessage(file + ": is 6,200,008 bytes, more than the 4 MiB (4,194,304 bytes) a topics"
                + " file may have: check that it is the right file");
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedBeforeParsing() throws IOException {
        Path file = write("topics: " + "x".repeat(3_000_000) + "\n");

        refusedAtStartUp(file).hasMessage(file + ": line 1 is 3,000,008 bytes long, more than the 32,768 a line of"
                + " a topics file may have: break it into shorter lines");
    }

    @Test
    void moreTokensThanTheLimitAreRefused() throws IOException {
        Path file = write("topics: [\n" + "  x,\n".repeat(150_000) + "]\n");

        refusedAtStartUp(file).hasMessageStartingWith(file + ": line ")
                .hasMessageEndingWith(": more than 100,000 YAML tokens (keys, values, starts and ends of lists and"
                        + " maps), the most a topics file may have");
    }

    @Test
    void deepNestingIsRefused() throws IOException {
        Path file = write("topics: " + "[".repeat(10_000) + "\n");

        refusedAtStartUp(file).hasMessage(file + ": line 1: lists and maps nest more than 20 deep, the most a topics"
                + " file may have");
    }

    @Test
    void aliasesAreRefusedSoThatNothingExpands() throws IOException {
        Path file = write("""
                topics:
                  - &t {id: a, name: &n [lol, lol, lol], query: q}
                  - {id: b, name: *n, query: q}
                  - *t
                """);

        refusedAtStartUp(file).hasMessage(file + ": line 3: the alias *n is not supported: write the value out"
                + " where it is used");
    }

    @Test
    void aNamedPipeIsRefusedWithoutOpeningIt() throws IOException, InterruptedException {
        Path fifo = dir.resolve("topics.fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");

        refusedAtStartUp(fifo).hasMessage(fifo + ": is not a regular file (it is a named pipe, a device or a socket):"
                + " give the path of a topics file");
        refusedAtStartUp(dir).hasMessage(dir + ": is a directory: give the path of a topics file");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("topics.yml"), yaml);
    }

    /** A topics file of one topic "x" with this query. */
    private static String topic(String query) {
        return "topics:\n  - id: x\n    name: X\n    query: '" + query.replace("'", "''") + "'\n";
    }

    /** Asserts that starting with {@code file} (loading it and building the tagger) fails within the hang guard. */
    private static AbstractThrowableAssert<?, ? extends Throwable> refusedAtStartUp(Path file) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> assertThatThrownBy(() -> {
            try (TopicTagger tagger = new TopicTagger(TopicsFile.load(file))) {
                tagger.tag("huawei", "huawei");
            }
        }).isInstanceOf(TopicsFileException.class));
    }
}
