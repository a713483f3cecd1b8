package io.newsmon.enrich.tag;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.newsmon.model.files.BoundedYaml;
import io.newsmon.model.files.FileLimitException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a taxonomy from YAML. The shape, with every key required and no other key allowed:
 * <pre>{@code
 * topics:
 *   - id: export-controls            # lower-case letters, digits, '-'; unique
 *     name: Export controls
 *     query: '+topic:huawei +("entity list" OR "export licence")'
 * }</pre>
 * A file with a syntax error, an unknown or missing key, an invalid id, a duplicate id or a query that
 * does not parse fails with a {@link TopicsFileException} naming the file, the entry, the value and the
 * rule. So does a file beyond a limit: larger than {@value #MAX_FILE_SIZE} bytes, not a regular file, with
 * more than {@value #MAX_TOKENS} YAML tokens, or beyond the line and nesting limits of {@link BoundedYaml}
 * (aliases are refused); and a query beyond the limits of
 * {@link TopicQueries} (length, nesting, wildcard terms, {@code topic:} references).
 */
public final class TopicsFile {
    /** The classpath resource of the default taxonomy. */
    public static final String BUNDLED_RESOURCE = "io/newsmon/enrich/tag/default-topics.yml";

    /**
     * The largest topics file, in bytes: 4 MiB, room for some 12,000 topics (each becomes a Kafka topic)
     * and read in well under a second.
     */
    public static final long MAX_FILE_SIZE = 4L << 20;

    /** The most YAML tokens (keys, values, starts and ends of lists and maps): 100,000, some 12,000 topics. */
    public static final int MAX_TOKENS = 100_000;

    private static final BoundedYaml BOUNDED = new BoundedYaml("a topics file", MAX_FILE_SIZE, MAX_TOKENS);
    private static final YAMLMapper YAML = YAMLMapper.builder(BOUNDED.factory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> KEYS = Set.of("id", "name", "query");

    private TopicsFile() {
    }

    /** The topics of the YAML file at {@code file}, in file order, their queries checked. */
    public static List<TopicDefinition> load(Path file) {
        byte[] yaml;
        try {
            yaml = BOUNDED.read(file);
        } catch (FileLimitException e) {
            throw new TopicsFileException(e.getMessage(), e);
        } catch (IOException e) {
            throw new TopicsFileException(file + ": cannot be read: " + e, e);
        }
        return read(file.toString(), yaml);
    }

    /** The default taxonomy bundled as {@value #BUNDLED_RESOURCE}: Huawei-related news. */
    public static List<TopicDefinition> bundled() {
        try (InputStream in = TopicsFile.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + BUNDLED_RESOURCE + " is missing from the build");
            }
            return read("classpath:" + BUNDLED_RESOURCE, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("classpath resource " + BUNDLED_RESOURCE + " cannot be read", e);
        }
    }

    /** The topics of {@code yaml}, their queries checked; {@code source} names it in error messages. */
    static List<TopicDefinition> read(String source, byte[] yaml) {
        List<TopicDefinition> topics = topics(source, tree(source, yaml));
        try {
            TopicQueries.check(topics);
        } catch (TopicsFileException e) {
            throw new TopicsFileException(source + ": " + e.getMessage(), e);
        }
        return topics;
    }

    private static JsonNode tree(String source, byte[] yaml) {
        try (JsonParser parser = BOUNDED.parser(YAML.createParser(yaml))) {
            return YAML.readTree(parser);
        } catch (JacksonException e) {
            BoundedYaml.LimitExceeded limit = BoundedYaml.limitExceeded(e);
            if (limit != null) {
                throw new TopicsFileException(source + ": " + line(limit.getLocation()) + limit.getOriginalMessage(), e);
            }
            throw new TopicsFileException(source + ": not valid YAML" + at(e.getLocation()) + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot be read", e);
        }
    }

    private static List<TopicDefinition> topics(String source, JsonNode root) {
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new TopicsFileException(source + ": must be a mapping with a 'topics' list, found "
                    + (root == null || root.isMissingNode() ? "an empty file" : describe(root)));
        }
        checkKeys(source, "the top level", root, Set.of("topics"));
        JsonNode list = root.get("topics");
        if (list == null || !list.isArray()) {
            throw new TopicsFileException(source + ": 'topics' must be a list of {id, name, query}, found "
                    + (list == null ? "nothing" : describe(list)));
        }
        List<TopicDefinition> topics = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            TopicDefinition topic = topic(source, "topics[" + i + "]", list.get(i));
            if (!ids.add(topic.id())) {
                throw new TopicsFileException(source + ": topics[" + i + "].id \"" + topic.id()
                        + "\" is a duplicate: each id must appear once");
            }
            topics.add(topic);
        }
        return List.copyOf(topics);
    }

    private static TopicDefinition topic(String source, String entry, JsonNode node) {
        if (!node.isObject()) {
            throw new TopicsFileException(source + ": " + entry + " must be a mapping {id, name, query}, found "
                    + describe(node));
        }
        checkKeys(source, entry, node, KEYS);
        String id = scalar(source, entry, node, "id");
        try {
            return new TopicDefinition(id, scalar(source, entry, node, "name"), scalar(source, entry, node, "query"));
        } catch (IllegalArgumentException e) {
            throw new TopicsFileException(source + ": " + entry + ": " + e.getMessage(), e);
        }
    }

    private static void checkKeys(String source, String where, JsonNode node, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new TopicsFileException(source + ": " + where + " has unknown key \"" + name
                        + "\": the allowed keys are " + allowed.stream().sorted().toList());
            }
        }
    }

    private static String scalar(String source, String entry, JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new TopicsFileException(source + ": " + entry + "." + key + " is missing: every topic needs "
                    + "id, name and query");
        }
        if (!value.isValueNode()) {
            throw new TopicsFileException(source + ": " + entry + "." + key + " must be a string, found "
                    + describe(value));
        }
        return value.asText();
    }

    private static String describe(JsonNode node) {
        String kind = node.isArray() ? "a list" : node.isObject() ? "a mapping" : "the value";
        String text = node.toString();
        return kind + " " + (text.length() > 60 ? text.substring(0, 60) + "..." : text);
    }

    private static String line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : "line " + location.getLineNr() + ": ";
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
