package io.newsmon.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schemas in {@code src/main/resources/schemas/} describe the messages as {@link Json} writes them:
 * every written message is valid, every record component has a property, and a message without a required
 * field or with a field of the wrong type is not.
 */
class MessageSchemasTest {
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final ExecutionConfig FORMATS_ASSERTED = ExecutionConfig.builder().formatAssertionsEnabled(true).build();

    private static final String URL = "https://www.reuters.com/technology/huawei-entity-list-2019-05-16";
    private static final String ID = ArticleId.of(URL);
    private static final Instant FETCHED = Instant.parse("2019-05-16T10:00:01.123456789Z");
    private static final FeedEntry ENTRY = new FeedEntry("U.S. adds Huawei to trade blacklist", URL + "?utm_source=rss",
            Instant.parse("2019-05-16T08:00:00Z"), "The Commerce Department said on Wednesday...", "Karen Freifeld");
    private static final TopicTag TAG = new TopicTag("export-controls", 3,
            List.of("Entity List: \"...the Commerce Department added Huawei to its Entity List on Thursday...\""));

    /** One message type: its schema file, its record, a message with every field set and one with only the required. */
    record Message(String schema, Class<? extends Record> type, Record full, Record minimal) {
        @Override
        public String toString() {
            return schema;
        }
    }

    static Stream<Message> messages() {
        return Stream.of(
                new Message("raw-page.schema.json", RawPage.class,
                        new RawPage(RawPage.SCHEMA_VERSION, ID, URL, "https://www.reuters.com/rss/technology", "Reuters Tech",
                                ENTRY, FETCHED, 200, "text/html", "UTF-8", "<html><body><p>Huawei...</p></body></html>",
                                Instant.parse("2019-05-16T09:59:58Z")),
                        new RawPage(1, ID, URL, null, null, new FeedEntry(null, URL, null, null, null), FETCHED, 0, null,
                                null, null, null)),
                new Message("enriched-article.schema.json", EnrichedArticle.class,
                        new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, ID, URL, URL, "Reuters Tech",
                                "https://www.reuters.com/rss/technology", "U.S. adds Huawei to trade blacklist",
                                "Karen Freifeld, David Shepardson", Instant.parse("2019-05-16T08:00:00Z"),
                                Instant.parse("2019-05-16T09:30:00Z"), FETCHED, "en", "Reuters",
                                "The Commerce Department said...\n\nHuawei said...", ArticleId.hash("huawei said"),
                                List.of(new TopicTag("huawei", 7, List.of("huawei: \"...Huawei said...\"")), TAG),
                                ArticleId.of("https://www.bbc.co.uk/news/business-48286452"), 0.87,
                                Instant.parse("2019-05-16T09:59:58Z")),
                        new EnrichedArticle(1, ID, URL, null, null, null, null, null, null, null, FETCHED, null, null,
                                null, null, null, null, null, null)),
                new Message("dead-letter.schema.json", DeadLetter.class,
                        new DeadLetter(DeadLetter.SCHEMA_VERSION, "news.raw", 4, 18_234L, ID, "enrich",
                                "not a valid RawPage in JSON: Unexpected character ('<' (code 60))", "<html>",
                                Instant.parse("2019-05-16T10:00:02Z")),
                        new DeadLetter(1, "news.enriched", 0, 0, null, "store", "value is null", null, null)),
                new Message("article-fingerprint.schema.json", ArticleFingerprint.class,
                        new ArticleFingerprint(ArticleFingerprint.SCHEMA_VERSION, "minhash-w3-b5r2-s128-6e6577736d6f6e", ID,
                                FETCHED, List.of(-6_917_529_027_641_081_856L, 42L, Long.MAX_VALUE, Long.MIN_VALUE, 0L),
                                -1_234_567_890_123L, 987_654_321L, 412),
                        new ArticleFingerprint(1, "minhash-w3-b5r2-s128-6e6577736d6f6e", ID, FETCHED, null, 0, 0, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void isAValidDraft2020SchemaItself(Message message) {
        Schema metaSchema = SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(schemaNode(message.schema()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void acceptsMessagesAsJsonWritesThem(Message message) {
        assertThat(validate(message.schema(), Json.write(message.full()))).as("every field set").isEmpty();
        assertThat(validate(message.schema(), Json.write(message.minimal()))).as("nullable fields null").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void describesEveryComponentOfTheRecordAndNothingElse(Message message) {
        JsonNode schema = schemaNode(message.schema());

        assertThat(propertyNames(schema)).isEqualTo(componentNames(message.type()));
        assertThat(fieldNames(Json.mapper().valueToTree(message.full()))).as("fields Json writes")
                .isEqualTo(componentNames(message.type()));
    }

    @Test
    void describesTheComponentsOfTheNestedRecords() {
        assertThat(propertyNames(schemaNode("raw-page.schema.json").at("/$defs/feedEntry")))
                .isEqualTo(componentNames(FeedEntry.class));
        assertThat(propertyNames(schemaNode("enriched-article.schema.json").at("/$defs/topicTag")))
                .isEqualTo(componentNames(TopicTag.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void requiresSchemaVersionAndExactlyTheFieldsTheRecordRefusesToGoWithout(Message message) {
        Set<String> refused = new TreeSet<>(Set.of("schemaVersion"));
        for (String field : componentNames(message.type())) {
            ObjectNode json = Json.mapper().valueToTree(message.full());
            json.remove(field);
            try {
                Json.read(Json.write(json), message.type());
            } catch (MalformedMessageException e) {
                refused.add(field);
            }
        }

        JsonNode schema = schemaNode(message.schema());
        assertThat(new TreeSet<>(textValues(schema.get("required")))).isEqualTo(refused);
        for (String field : refused) {
            ObjectNode json = Json.mapper().valueToTree(message.full());
            json.remove(field);
            assertThat(validate(message.schema(), Json.write(json))).as("without " + field)
                    .anySatisfy(error -> assertThat(error.getKeyword()).isEqualTo("required"));
        }
    }

    @Test
    void rejectsARawPageWithoutItsFeedEntryLink() {
        ObjectNode page = Json.mapper().valueToTree(messages().findFirst().orElseThrow().full());
        ((ObjectNode) page.get("entry")).remove("link");

        assertThat(validate("raw-page.schema.json", Json.write(page))).singleElement()
                .satisfies(error -> assertThat(error.getInstanceLocation().toString()).contains("entry"));
        assertThatThrownBy(() -> Json.read(Json.write(page), RawPage.class)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void rejectsFieldsOfTheWrongType() {
        assertThat(validateWith("enriched-article.schema.json", "fetchedAt", Json.mapper().getNodeFactory().numberNode(1_557_993_600)))
                .as("a time as epoch seconds").isNotEmpty();
        assertThat(validateWith("enriched-article.schema.json", "publishedAt", Json.mapper().getNodeFactory().textNode("16/05/2019")))
                .as("a time that is not ISO-8601").isNotEmpty();
        assertThat(validateWith("enriched-article.schema.json", "topics", Json.mapper().getNodeFactory().textNode("huawei")))
                .as("topics as a string").isNotEmpty();
        assertThat(validateWith("enriched-article.schema.json", "id", Json.mapper().getNodeFactory().textNode("https://example.org/a")))
                .as("an id that is not an article id").isNotEmpty();
        assertThat(validateWith("raw-page.schema.json", "httpStatus", Json.mapper().getNodeFactory().textNode("200")))
                .as("a status as a string").isNotEmpty();
        assertThat(validateWith("dead-letter.schema.json", "offset", Json.mapper().getNodeFactory().numberNode(1.5)))
                .as("a fractional offset").isNotEmpty();
        assertThat(validateWith("article-fingerprint.schema.json", "bands", Json.mapper().valueToTree(List.of("a", "b"))))
                .as("bands as strings").isNotEmpty();
    }

    private static List<Error> validateWith(String schema, String field, JsonNode value) {
        Record full = messages().filter(m -> m.schema().equals(schema)).findFirst().orElseThrow().full();
        ObjectNode json = Json.mapper().valueToTree(full);
        json.set(field, value);
        return validate(schema, Json.write(json));
    }

    private static List<Error> validate(String schema, byte[] json) {
        try {
            JsonNode message = Json.mapper().readTree(json);
            return SCHEMAS.getSchema(schemaNode(schema)).validate(message, context -> context.setExecutionConfig(FORMATS_ASSERTED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode schemaNode(String file) {
        try (InputStream in = MessageSchemasTest.class.getResourceAsStream("/schemas/" + file)) {
            assertThat(in).as("schemas/" + file + " on the class path").isNotNull();
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> componentNames(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> propertyNames(JsonNode schema) {
        return fieldNames(schema.get("properties"));
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
