package io.newsmon.ingest.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
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
 */
final class BoundedYaml {
    /**
     * The longest line, in bytes: 32 KiB, far longer than any URL, name or selector. SnakeYAML reads a line
     * of 32 KiB in a few milliseconds, and one of 1 MiB in seconds.
     */
    static final int MAX_LINE_LENGTH = 32 * 1024;
    /** The most YAML tokens (keys, values, starts and ends of lists and maps): 100,000, some 16,000 feeds. */
    static final int MAX_TOKENS = 100_000;
    /** The deepest nesting of lists and maps: 20 (a feeds file needs 3). */
    static final int MAX_NESTING_DEPTH = 20;

    /** A limit reached while parsing; the message names the rule, the location says where. */
    static final class LimitExceeded extends JsonParseException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(JsonParser parser, String message) {
            super(parser, message, parser.currentTokenLocation());
        }
    }

    private final String kind;
    private final long maxBytes;
    private final YAMLFactory factory;

    /**
     * @param kind     what the file is, for messages: {@code a feeds file}
     * @param maxBytes the largest file
     */
    BoundedYaml(String kind, long maxBytes) {
        this.kind = kind;
        this.maxBytes = maxBytes;
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes));
        this.factory = YAMLFactory.builder().loaderOptions(options)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    /** The factory whose parsers {@link #parser} limits: build the mapper on it. */
    YAMLFactory factory() {
        return factory;
    }

    /**
     * The bytes of {@code path}, a regular file of at most {@code maxBytes} without a line longer than
     * {@link #MAX_LINE_LENGTH}.
     *
     * @throws FeedsFileException naming the file, the size or line and the limit
     * @throws IOException         when it cannot be read
     */
    byte[] read(Path path) throws IOException {
        byte[] bytes = readRegularFile(path, maxBytes, kind);
        checkLines(path, bytes);
        return bytes;
    }

    /**
     * The bytes of {@code path}, a regular file of at most {@code maxBytes}; its type and size are checked
     * before it is opened.
     *
     * @param kind what the file is, for messages: {@code an OPML file}
     * @throws FeedsFileException naming the file, its type or size and the limit
     * @throws IOException        when it cannot be read
     */
    static byte[] readRegularFile(Path path, long maxBytes, String kind) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new FeedsFileException(path + ": is a directory: give the path of " + kind);
        }
        if (!attributes.isRegularFile()) {
            throw new FeedsFileException(path + ": is not a regular file (it is a named pipe, a device or a socket):"
                    + " give the path of " + kind);
        }
        checkSize(path, attributes.size(), maxBytes, kind);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        checkSize(path, bytes.length, maxBytes, kind);
        return bytes;
    }

    /** A parser of {@code yaml} that refuses aliases and more than {@link #MAX_TOKENS} or {@link #MAX_NESTING_DEPTH}. */
    JsonParser parser(JsonParser yaml) {
        return new Limited(yaml, kind);
    }

    /** The {@link LimitExceeded} among {@code e} and its causes, or null. */
    static LimitExceeded limitExceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitExceeded limit) {
                return limit;
            }
        }
        return null;
    }

    private static void checkSize(Path path, long size, long maxBytes, String kind) {
        if (size > maxBytes) {
            throw new FeedsFileException(path + ": is " + number(size) + " bytes, more than the "
                    + (maxBytes >> 20) + " MiB (" + number(maxBytes) + " bytes) " + kind + " may have: check that"
                    + " it is the right file");
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
                throw new FeedsFileException(path + ": line " + line + " is " + number(i - start)
                        + " bytes long, more than the " + number(MAX_LINE_LENGTH) + " a line of " + kind
                        + " may have: break it into shorter lines");
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
        private int tokens;

        Limited(JsonParser parser, String kind) {
            super(parser);
            this.kind = kind;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            if (token == null) {
                return null;
            }
            if (++tokens > MAX_TOKENS) {
                throw new LimitExceeded(this, "more than " + number(MAX_TOKENS) + " YAML tokens (keys, values, starts"
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
