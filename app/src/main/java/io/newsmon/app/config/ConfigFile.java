package io.newsmon.app.config;


import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsmon.model.files.BoundedYaml;
import io.newsmon.model.files.FileLimitException;
import io.newsmon.store.jdbc.JdbcUrls;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * <p>A file beyond a limit is refused in well under a second rather than holding up start-up (SnakeYAML's
 * time grows with the square of a line's length: a single-line file of 8 MiB took 40 s): only a regular
 * file is read (a named pipe would block), of at most {@value #MAX_FILE_SIZE} bytes, with lines of at
 * most {@value BoundedYaml#MAX_LINE_LENGTH} bytes, {@value #MAX_TOKENS} YAML tokens and lists and maps
 * nested at most {@value BoundedYaml#MAX_NESTING_DEPTH} deep (see {@link BoundedYaml}). Aliases
 * ({@code *name}) are refused, so nothing expands.
 *
 * @param path     the file, or null for no file
 * @param entries  the values by key, with their line
 * @param problems what is wrong with the file, in the order found
 */
public record ConfigFile(Path path, Map<String, Entry> entries, List<Problem> problems) {
    /** No config file: no entries, no problems. */
    public static final ConfigFile NONE = new ConfigFile(null, Map.of(), List.of());
    /** The largest config file, in bytes: 1 MiB, thousands of times what the settings need. */
    public static final long MAX_FILE_SIZE = 1L << 20;
    /** The most YAML tokens (keys, values, starts and ends of lists and maps): 10,000; each setting takes 2. */
    public static final int MAX_TOKENS = 10_000;
    private static final BoundedYaml BOUNDED = new BoundedYaml("the config file", MAX_FILE_SIZE, MAX_TOKENS);
    // no duplicate detection by the parser: read() reports a key set twice with both lines
    private static final YAMLFactory YAML = BOUNDED.factory();

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
        try {
            String text = BOUNDED.readText(path);
            try (JsonParser parser = BOUNDED.parser(YAML.createParser(text))) {
                read(path, parser, entries, problems);
            }
        } catch (NoSuchFileException e) {
            problems.add(unreadable(path, source, "there is no such file"));
        } catch (FileLimitException e) {
            problems.add(refused(e, source));
        } catch (BoundedYaml.LimitExceeded e) {
            problems.add(Problem.file(where(path, e.getLocation()), e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            problems.add(Problem.file(where(path, e.getLocation()), "is not valid YAML (" + yamlError(e)
                    + "); the file is lines of key: value, for example per-host-delay: PT2S"));
        } catch (IOException e) {
            problems.add(unreadable(path, source, e.getMessage()));
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

    /** The file as a whole is refused: a bad value of {@code config}; a long line: a problem of that line. */
    private static Problem refused(FileLimitException e, String source) {
        return switch (e.rule()) {
            case DIRECTORY -> unreadable(e.path(), source, "it is a directory");
            case NOT_REGULAR_FILE -> unreadable(e.path(), source,
                    "it is not a regular file but a named pipe, a device or a socket");
            case TOO_LARGE -> Problem.badValue("config", e.path().toString(), source, "must be a YAML file of at most "
                    + (e.limit() >> 20) + " MiB (" + number(e.limit()) + " bytes), but it is " + number(e.size())
                    + " bytes: check that it is the right file");
            case LINE_TOO_LONG -> Problem.file(e.path() + " line " + e.line(), e.reason());
        };
    }

    private static Problem unreadable(Path path, String source, String why) {
        return Problem.badValue("config", path.toString(), source, "must be a readable YAML file: " + why);
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
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
