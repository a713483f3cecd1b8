package io.newsmon.app.config;


import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.newsmon.store.jdbc.JdbcUrls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;

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
 * most {@value #MAX_LINE_LENGTH} bytes, {@value #MAX_TOKENS} YAML tokens and lists and maps nested at
 * most {@value #MAX_NESTING_DEPTH} deep. Aliases ({@code *name}) are refused, so nothing expands.
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
    /** The longest line, in bytes: 32 KiB, longer than any value of a setting. */
    public static final int MAX_LINE_LENGTH = 32 * 1024;
    /** The most YAML tokens (keys, values, starts and ends of lists and maps): 10,000; each setting takes 2. */
    public static final int MAX_TOKENS = 10_000;
    /** The deepest nesting of lists and maps: 20; a config file needs 1. */
    public static final int MAX_NESTING_DEPTH = 20;
    private static final String KIND = "the config file";
    private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions()).build();

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
            String text = readRegularFile(path);
            try (JsonParser parser = new Limited(YAML.createParser(text))) {
                read(path, parser, entries, problems);
            }
        } catch (NoSuchFileException e) {
            problems.add(Problem.badValue("config", path.toString(), source, "must be a readable YAML file:"
                    + " there is no such file"));
        } catch (Refused e) {
            problems.add(e.badValue ? Problem.badValue("config", path.toString(), source, e.getMessage())
                    : Problem.file(path + " line " + e.line, e.getMessage()));
        } catch (LimitExceeded e) {
            problems.add(Problem.file(where(path, e.getLocation()), e.getOriginalMessage()));
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

    /** SnakeYAML's own limit on a document's length (3 MiB by default) set to ours, so that ours is the one met. */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) MAX_FILE_SIZE);
        return options;
    }

    /**
     * The text of {@code path}, checked to be a regular file (before it is opened) within the size and line
     * limits.
     */
    private static String readRegularFile(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new Refused(0, "must be a readable YAML file: it is " + (attributes.isDirectory() ? "a directory"
                    : "not a regular file but a named pipe, a device or a socket"));
        }
        checkSize(attributes.size());
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes((int) MAX_FILE_SIZE + 1);
        }
        checkSize(bytes.length);
        checkLines(bytes);
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static void checkSize(long size) throws Refused {
        if (size > MAX_FILE_SIZE) {
            throw new Refused(0, "must be a YAML file of at most " + (MAX_FILE_SIZE >> 20) + " MiB ("
                    + number(MAX_FILE_SIZE) + " bytes), but it is " + number(size) + " bytes: check that it is the"
                    + " right file");
        }
    }

    private static void checkLines(byte[] bytes) throws Refused {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i < bytes.length && bytes[i] != '\n' && bytes[i] != '\r') {
                continue;
            }
            if (i - start > MAX_LINE_LENGTH) {
                throw new Refused(line, "is " + number(i - start) + " bytes long, more than the "
                        + number(MAX_LINE_LENGTH) + " a line of " + KIND + " may have: break it into shorter lines");
            }
            boolean crBeforeLf = i < bytes.length - 1 && bytes[i] == '\r' && bytes[i + 1] == '\n';
            line += crBeforeLf ? 0 : 1;
            start = i + 1;
        }
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The file breaks a limit: a bad value of {@code config} when {@code line} is 0, else a problem of that line. */
    private static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final boolean badValue;

        Refused(int line, String message) {
            super(message);
            this.line = line;
            this.badValue = line == 0;
        }
    }

    /** A limit reached while parsing; the location says where. */
    private static final class LimitExceeded extends JsonParseException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(JsonParser parser, String message) {
            super(parser, message, parser.currentTokenLocation());
        }
    }

    /** Counts tokens and nesting, and refuses aliases, as the YAML is read. */
    private static final class Limited extends JsonParserDelegate {
        private int tokens;

        Limited(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            if (token == null) {
                return null;
            }
            if (++tokens > MAX_TOKENS) {
                throw new LimitExceeded(this, "more than " + number(MAX_TOKENS) + " YAML tokens (keys, values, starts"
                        + " and ends of lists and maps), the most " + KIND + " may have");
            }
            if (getParsingContext().getNestingDepth() > MAX_NESTING_DEPTH) {
                throw new LimitExceeded(this, "lists and maps nest more than " + MAX_NESTING_DEPTH + " deep, the most "
                        + KIND + " may have");
            }
            if (delegate() instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                throw new LimitExceeded(this, "the alias *" + getText() + " is not supported: write the value out"
                        + " where it is used");
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            if (currentToken() == null || !currentToken().isStructStart()) {
                return this;
            }
            for (int open = 1; open > 0; ) {
                JsonToken token = nextToken();
                if (token == null) {
                    return this;
                }
                open += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            }
            return this;
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
