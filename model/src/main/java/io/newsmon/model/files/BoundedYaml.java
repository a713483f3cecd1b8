package io.newsmon.model.files;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a YAML file within limits that keep the YAML parser's time to well under a second, so that a
 * careless or hostile file is refused quickly rather than holding up start-up: SnakeYAML's time grows with
 * the square of a line's length (a single-line file of 8 MiB took 40 s to refuse) and by some microseconds
 * for each token. Only regular files are read, and their type and size are checked before they are
 * opened, so a named pipe given as the file cannot block.
 *
 * <p>Aliases ({@code *name}) are refused: the YAML reader would read them as the anchor's name rather
 * than its value, and refusing them leaves nothing to expand ("billion laughs").
 *
 * <p>Example, for a file of at most 4 MiB and 100,000 tokens:
 * <pre>{@code
 * BoundedYaml bounded = new BoundedYaml("a topics file", 4L << 20, 100_000);
 * YAMLMapper yaml = YAMLMapper.builder(bounded.factory()).build();
 * try (JsonParser parser = bounded.parser(yaml.createParser(bounded.read(path)))) {
 *     JsonNode tree = yaml.readTree(parser);
 * }
 * }</pre>
 * A file refused before parsing is a {@link FileLimitException}; a limit met while parsing is a
 * {@link LimitExceeded}, which the mapper may wrap ({@link #limitExceeded} finds it).
 */
public final class BoundedYaml {
    /**
     * The longest line, in bytes: 32 KiB, which holds a topic query of 10,000 characters in any script and
     * is far longer than any URL, name, selector or setting. SnakeYAML reads a line of 32 KiB in a few
     * milliseconds, and one of 1 MiB in seconds.
     */
    public static final int MAX_LINE_LENGTH = 32 * 1024;
    /** The deepest nesting of lists and maps: 20 (a topics or feeds file needs 3, a config file 1). */
    public static final int MAX_NESTING_DEPTH = 20;

    /** A limit reached while parsing; the message names the rule, the location says where. */
    public static final class LimitExceeded extends JsonParseException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(JsonParser parser, String message) {
            super(parser, message, parser.currentTokenLocation());
        }
    }

    private final String kind;
    private final long maxBytes;
    private final int maxTokens;

    /**
     * @param kind      what the file is, for messages: {@code a topics file}
     * @param maxBytes  the largest file, in bytes
     * @param maxTokens the most YAML tokens (keys, values, starts and ends of lists and maps)
     */
    public BoundedYaml(String kind, long maxBytes, int maxTokens) {
        this.kind = kind;
        this.maxBytes = maxBytes;
        this.maxTokens = maxTokens;
    }

    /**
     * A new factory whose SnakeYAML reads documents of up to {@code maxBytes} (its own limit, 3 MiB by
     * default, is set to ours so that ours is the one met): build the mapper on it, with the features it
     * needs.
     */
    public YAMLFactory factory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes));
        return YAMLFactory.builder().loaderOptions(options).build();
    }

    /**
     * The bytes of {@code path}, a regular file of at most {@code maxBytes} without a line longer than
     * {@link #MAX_LINE_LENGTH}.
     *
     * @throws FileLimitException naming the file, its type, size or line and the limit
     * @throws IOException        when it cannot be read
     */
    public byte[] read(Path path) throws IOException {
        byte[] bytes = readRegularFile(path, maxBytes, kind);
        checkLines(path, bytes);
        return bytes;
    }

    /**
     * The text of {@code path}, read as {@link #read} reads it, in UTF-8.
     *
     * @throws FileLimitException naming the file, its type, size or line and the limit
     * @throws IOException        when it cannot be read or is not UTF-8
     *                            ({@link java.nio.charset.CharacterCodingException})
     */
    public String readText(Path path) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(read(path))).toString();
    }

    /**
     * The bytes of {@code path}, a regular file of at most {@code maxBytes}; its type and size are checked
     * before it is opened. For files that are not YAML, such as an OPML file.
     *
     * @param kind what the file is, for messages: {@code an OPML file}
     * @throws FileLimitException naming the file, its type or size and the limit
     * @throws IOException        when it cannot be read
     */
    public static byte[] readRegularFile(Path path, long maxBytes, String kind) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new FileLimitException(path, FileLimitException.Rule.DIRECTORY, 0, 0, 0,
                    "is a directory: give the path of " + kind);
        }
        if (!attributes.isRegularFile()) {
            throw new FileLimitException(path, FileLimitException.Rule.NOT_REGULAR_FILE, 0, 0, 0,
                    "is not a regular file (it is a named pipe, a device or a socket): give the path of " + kind);
        }
        checkSize(path, attributes.size(), maxBytes, kind);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        checkSize(path, bytes.length, maxBytes, kind);
        return bytes;
    }

    /** A parser of {@code yaml} that refuses aliases and more than {@code maxTokens} or {@link #MAX_NESTING_DEPTH}. */
    public JsonParser parser(JsonParser yaml) {
        return new Limited(yaml, kind, maxTokens);
    }

    /** The {@link LimitExceeded} among {@code e} and its causes, or null. */
    public static LimitExceeded limitExceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitExceeded limit) {
                return limit;
            }
        }
        return null;
    }

    private static void checkSize(Path path, long size, long maxBytes, String kind) {
        if (size > maxBytes) {
            throw new FileLimitException(path, FileLimitException.Rule.TOO_LARGE, 0, size, maxBytes,
                    "is " + number(size) + " bytes, more than the " + (maxBytes >> 20) + " MiB (" + number(maxBytes)
                    + " bytes) " + kind + " may have: check that it is the right file");
        }
    }

    private void checkLines(Path path, byte[] bytes) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            boolean end = i == bytes.length || bytes[i] == '\n' || bytes[i] == '\r';
            if (!end) {
                continue;
            }
            if (i - start > MAX_LINE_LENGTH) {
                throw new FileLimitException(path, FileLimitException.Rule.LINE_TOO_LONG, line, i - start,
                        MAX_LINE_LENGTH, "is " + number(i - start) + " bytes long, more than the "
                        + number(MAX_LINE_LENGTH) + " a line of " + kind + " may have: break it into shorter lines");
            }
            boolean crBeforeLf = i < bytes.length - 1 && bytes[i] == '\r' && bytes[i + 1] == '\n';
            line += crBeforeLf ? 0 : 1;
            start = i + 1;
        }
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Counts tokens and nesting, and refuses aliases, as the YAML is read. */
    private static final class Limited extends JsonParserDelegate {
        private final String kind;
        private final int maxTokens;
        private int tokens;

        Limited(JsonParser parser, String kind, int maxTokens) {
            super(parser);
            this.kind = kind;
            this.maxTokens = maxTokens;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            if (token == null) {
                return null;
            }
            if (++tokens > maxTokens) {
                throw new LimitExceeded(this, "more than " + number(maxTokens) + " YAML tokens (keys, values, starts"
                        + " and ends of lists and maps), the most " + kind + " may have");
            }
            if (getParsingContext().getNestingDepth() > MAX_NESTING_DEPTH) {
                throw new LimitExceeded(this, "lists and maps nest more than " + MAX_NESTING_DEPTH + " deep, the most "
                        + kind + " may have");
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
}
