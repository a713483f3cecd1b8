package io.newsmon.app.config;


import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsmon.store.jdbc.JdbcUrls;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A YAML config file: a flat map of setting keys to values, for example
 *
 * <pre>{@code
 * # newsmon.yml
 * bootstrap-servers: 127.0.0.1:9092
 * per-host-delay: PT2S
 * }</pre>
 *
 * <p>Loading never throws: what is wrong (no such file, not YAML, not a flat map, a key set twice, a key
 * that is no setting) is kept as {@link #problems()}, each naming the file and line, so that
 * {@code newsmon config check} can report them all at once.
 *
 * @param path     the file, or null for no file
 * @param entries  the values by key, with their line
 * @param problems what is wrong with the file, in the order found
 */
public record ConfigFile(Path path, Map<String, Entry> entries, List<Problem> problems) {
    /** No config file: no entries, no problems. */
    public static final ConfigFile NONE = new ConfigFile(null, Map.of(), List.of());

    /** A value of the file and the line it is on. */
    public record Entry(String text, int line) {
    }

    public ConfigFile {
        entries = Map.copyOf(entries);
        problems = List.copyOf(problems);
    }

    /**
     * Reads {@code path}, which was given by {@code source} ({@code --config} or {@code NEWSMON_CONFIG}).
     */
    public static ConfigFile load(Path path, String source) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             JsonParser parser = new YAMLFactory().createParser(reader)) {
            read(path, parser, entries, problems);
        } catch (NoSuchFileException e) {
            problems.add(Problem.badValue("config", path.toString(), source, "must be a readable YAML file:"
                    + " there is no such file"));
        } catch (JsonProcessingException e) {
            problems.add(Problem.file(where(path, e.getLocation()), "is not valid YAML (" + yamlError(e)
                    + "); the file is lines of key: value, for example per-host-delay: PT2S"));
        } catch (IOException e) {
            problems.add(Problem.badValue("config", path.toString(), source, "must be a readable YAML file: "
                    + e.getMessage()));
        }
        return new ConfigFile(path, entries, problems);
    }

    /** Where {@code key}'s value is: {@code newsmon.yml line 3}. */
    public String source(String key) {
        return path + " line " + entries.get(key).line();
    }

    /** The value of {@code key} with its source, if the file sets it. */
    public Optional<SettingValue> value(String key) {
        return Optional.ofNullable(entries.get(key)).map(entry -> new SettingValue(entry.text(), source(key)));
    }

    private static void read(Path path, JsonParser parser, Map<String, Entry> entries, List<Problem> problems)
            throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return;
        }
        if (first != JsonToken.START_OBJECT) {
            problems.add(Problem.file(where(path, parser.currentTokenLocation()),
                    "must be a map of settings, lines of key: value such as per-host-delay: PT2S"));
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int line = parser.currentTokenLocation().getLineNr();
            JsonToken value = parser.nextToken();
            String where = path + " line " + line;
            if (value.isStructStart()) {
                parser.skipChildren();
                problems.add(Problem.badValue(key, value == JsonToken.START_OBJECT ? "{...}" : "[...]", where,
                        "must be a single value: the file is a flat map of settings"));
            } else if (value == JsonToken.VALUE_NULL) {
                problems.add(Problem.badValue(key, "", where, "has no value: give one or remove the line"));
            } else if (Settings.byKey(key).isEmpty()) {
                // an unknown key may be a misspelt store, whose URL can hold a password
                problems.add(Problem.badValue(key, JdbcUrls.mask(parser.getText()), where, "is not a setting"
                        + Settings.closestKey(key).map(k -> "; did you mean " + k + "?").orElse("")
                        + " (newsmon config docs lists them)"));
            } else if (entries.containsKey(key)) {
                problems.add(Problem.badValue(key, Settings.byKey(key).get().show(parser.getText()), where,
                        "is set twice: also on line "
                        + entries.get(key).line()));
            } else {
                entries.put(key, new Entry(parser.getText(), line));
            }
        }
    }

    /** SnakeYAML's message without the lines that quote the file ("in 'reader', line 2", the line, a caret). */
    private static String yamlError(JsonProcessingException e) {
        return e.getOriginalMessage().lines().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining(": "));
    }

    private static String where(Path path, JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? path.toString() : path + " line " + location.getLineNr();
    }
}
