package io.newsmon.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.model.TopicTag;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTaggerTest {
    private static final TopicDefinition HUAWEI = new TopicDefinition("huawei", "Huawei",
            "title:huawei OR \"huawei huawei\"~100000");
    private static final TopicDefinition EXPORT = new TopicDefinition("export-controls", "Export controls",
            "+topic:huawei +(\"entity list\" OR \"export licence\")");
    private static final TopicDefinition TARIFFS = new TopicDefinition("tariffs", "Tariffs", "tariff");

    @Test
    void returnsMatchingTopicsInDefinitionOrder() {
        try (TopicTagger tagger = new TopicTagger(List.of(TARIFFS, HUAWEI, EXPORT))) {
            List<TopicTag> tags = tagger.tag("Huawei added to Entity List",
                    "The Commerce Department put Huawei on the Entity List as new tariffs loomed.");

            assertThat(tags).extracting(TopicTag::id).containsExactly("tariffs", "huawei", "export-controls");
        }
    }

    @Test
    void topicReferenceRequiresTheReferencedTopic() {
        try (TopicTagger tagger = new TopicTagger(List.of(HUAWEI, EXPORT))) {
            List<TopicTag> tags = tagger.tag("Chipmaker added to Entity List",
                    "The firm joins Huawei on the Entity List, which now holds hundreds of companies.");

            assertThat(tags).isEmpty();
        }
    }

    @Test
    void proximityPhraseOfTheSameWordCountsTwoMentions() {
        try (TopicTagger tagger = new TopicTagger(List.of(HUAWEI))) {
            assertThat(tagger.tag("Phone sales", "Samsung led, ahead of Huawei and Apple.")).isEmpty();
            assertThat(tagger.tag("Phone sales", "Samsung led, ahead of Huawei. Huawei's sales fell."))
                    .extracting(TopicTag::id).containsExactly("huawei");
        }
    }

    @Test
    void queryWithoutFieldSearchesTitleAndTextAndFieldQueriesOnlyTheirField() {
        TopicDefinition anywhere = new TopicDefinition("anywhere", "Anywhere", "reprieve");
        TopicDefinition inTitle = new TopicDefinition("in-title", "In title", "title:reprieve");
        TopicDefinition inText = new TopicDefinition("in-text", "In text", "text:reprieve");
        try (TopicTagger tagger = new TopicTagger(List.of(anywhere, inTitle, inText))) {
            assertThat(tagger.tag("A reprieve", "Nothing else.")).extracting(TopicTag::id)
                    .containsExactly("anywhere", "in-title");
            assertThat(tagger.tag("News", "A reprieve was granted.")).extracting(TopicTag::id)
                    .containsExactly("anywhere", "in-text");
        }
    }

    @Test
    void stemmingMatchesInflectedForms() {
        TopicDefinition licences = new TopicDefinition("licences", "Licences", "\"export licence\"");
        try (TopicTagger tagger = new TopicTagger(List.of(licences))) {
            assertThat(tagger.tag(null, "Suppliers applied for export licences.")).hasSize(1);
        }
    }

    @Test
    void scoreCountsMatchedOccurrencesAndEvidenceShowsTermsInContext() {
        TopicDefinition tariffs = new TopicDefinition("tariffs", "Tariffs", "tariff OR \"trade talks\"");
        try (TopicTagger tagger = new TopicTagger(List.of(tariffs))) {
            TopicTag tag = tagger.tag("Markets",
                    "Stocks rose on Monday as negotiators said the trade talks would resume next week in Washington, "
                            + "and fell again on Tuesday when the White House announced new tariffs on steel.").get(0);

            assertThat(tag.score()).isEqualTo(2.0);
            assertThat(tag.evidence()).hasSize(2);
            assertThat(tag.evidence().get(0)).startsWith("trade talks: \"…").contains("the trade talks would resume");
            assertThat(tag.evidence().get(1)).startsWith("tariffs: \"…").contains("announced new tariffs on steel");
            assertThat(tag.evidence()).allSatisfy(e -> assertThat(e.length()).isLessThan(120));
        }
    }

    @Test
    void longProximityMatchesAreReportedByTheirFirstWord() {
        try (TopicTagger tagger = new TopicTagger(List.of(HUAWEI))) {
            TopicTag tag = tagger.tag("Sales", "Huawei sold more phones this year than last year, and Huawei said "
                    + "it expects the trend to continue for several more years.").get(0);

            assertThat(tag.evidence()).singleElement().asString().startsWith("Huawei: \"Huawei sold more phones");
        }
    }

    @Test
    void unparseableQueryFailsWithTopicQueryAndParserMessage() {
        TopicDefinition broken = new TopicDefinition("broken", "Broken", "huawei AND (ban");

        assertThatThrownBy(() -> new TopicTagger(List.of(broken)))
                .isInstanceOf(TopicsFileException.class)
                .hasMessageContaining("topic \"broken\"")
                .hasMessageContaining("query \"huawei AND (ban\" does not parse: ")
                .hasMessageContaining("Encountered").hasMessageNotContaining("Cannot parse");
    }

    @Test
    void queryOfStopWordsOnlyFails() {
        TopicDefinition empty = new TopicDefinition("empty", "Empty", "the AND of");

        assertThatThrownBy(() -> new TopicTagger(List.of(empty)))
                .isInstanceOf(TopicsFileException.class)
                .hasMessage("topic \"empty\": query \"the AND of\" matches nothing: every term is a stop word or empty");
    }

    @Test
    void referenceToLaterOrUnknownTopicFails() {
        assertThatThrownBy(() -> new TopicTagger(List.of(EXPORT, HUAWEI)))
                .isInstanceOf(TopicsFileException.class)
                .hasMessageContaining("topic \"export-controls\"")
                .hasMessageContaining("topic:huawei refers to no topic defined before this one");
    }

    @Test
    void duplicateIdsFail() {
        assertThatThrownBy(() -> new TopicTagger(List.of(HUAWEI, HUAWEI)))
                .isInstanceOf(TopicsFileException.class).hasMessageContaining("\"huawei\" is defined twice");
    }

    @Test
    void emptyArticleMatchesNothing() {
        try (TopicTagger tagger = new TopicTagger(List.of(HUAWEI, TARIFFS))) {
            assertThat(tagger.tag(null, null)).isEmpty();
            assertThat(tagger.tag("", "")).isEmpty();
        }
    }

    @Test
    void snippetStaysWithinItsParagraph() {
        String text = "First paragraph ends here.\n\nTariffs rose again today.\n\nThird paragraph.";
        int start = text.indexOf("Tariffs");

        assertThat(Evidence.snippet(text, start, start + 7)).isEqualTo("Tariffs rose again today.");
    }
}
