package io.newsmon.ingest.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.newsmon.model.files.BoundedYaml;
import io.newsmon.model.files.FileLimitException;
import io.newsmon.model.url.UrlNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the list of feeds to poll from YAML, and appends feeds to it ({@link #append}, for example those
 * of an {@link OpmlFile}):
 *
 * <pre>{@code
 * feeds:
 *   - url: https://example.org/rss.xml      # a feed or sitemap, its format detected from the content
 *     name: Example                         # optional, defaults to the host
 *   - url: https://example.org/news/        # an HTML listing page
 *     name: Example listing
 *     type: html                            # auto (the default) or html
 *     linkSelector: "ul.stories a"          # CSS selector for article links, html only
 * }</pre>
 *
 * A feed of type {@code auto} may be RSS (0.9x, 1.0, 2.0), Atom (0.3, 1.0), JSON Feed (1.0, 1.1), an
 * XML, Google News or text sitemap (gzipped or not) or a sitemap index; see
 * {@link io.newsmon.ingest.feed.FeedParser}.
 *
 * <p>Unknown keys, duplicate keys, duplicate URLs and bad values fail the whole file with a
 * {@link FeedsFileException} naming the file, the entry, the value and the rule, so a typo fails at
 * start-up rather than at the first poll. So does a file beyond a limit, in well under a second: larger
 * than {@value #MAX_FILE_SIZE} bytes, not a regular file (a named pipe would block), with more than
 * {@value #MAX_TOKENS} YAML tokens, or beyond the line and nesting limits of {@link BoundedYaml}; aliases
 * ({@code *name}) are refused.
 */
public final class FeedsFile {
    /** The classpath resource of the bundled default list. */
    public static final String BUNDLED_RESOURCE = "io/newsmon/ingest/config/default-feeds.yml";

    /**
     * The largest feeds file, in bytes: 4 MiB, room for some 16,000 feeds (the token limit comes first),
     * far more than one instance polls, and read in well under a second.
     */
    public static final long MAX_FILE_SIZE = 4L << 20;

    /** The most YAML tokens (keys, values, starts and ends of lists and maps): 100,000, some 16,000 feeds. */
    public static final int MAX_TOKENS = 100_000;

    private static final BoundedYaml BOUNDED = new BoundedYaml("a feeds file", MAX_FILE_SIZE, MAX_TOKENS);
    private static final ObjectMapper YAML = YAMLMapper.builder(BOUNDED.factory())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    record Document(List<Entry> feeds) {
    }

    record Entry(String url, String name, String type, String linkSelector) {
    }

    private FeedsFile() {
    }

    /** The feeds listed in the YAML file at {@code path}. */
    public static List<FeedSource> load(Path path) {
        String yaml;
        try {
            yaml = BOUNDED.readText(path);
        } catch (FileLimitException e) {
            throw new FeedsFileException(e.getMessage(), e);
        } catch (IOException e) {
            throw new FeedsFileException(path + ": cannot read the feeds file: " + e, e);
        }
        return parse(yaml, path.toString());
    }

    /**
     * Adds {@code feeds} to the YAML file at {@code path}, keeping what is there as it is.
     *
     * <p>When the file exists it is loaded (so it must be valid), the feeds it lists already are passed
     * over, and the others are appended as text at its end, indented like its entries, with their values
     * double-quoted with escapes; its comments and layout stay. When it does not exist it is
     * created with a {@code feeds:} header. A feed is listed already when its URL is the same after
     * {@link UrlNormalizer normalisation} as a listed one's (so the case of scheme and host, a default
     * port, a fragment or tracking parameters make no difference); of feeds given twice the first is
     * taken. The new text is checked before it is written, and the file is loaded again after.
     *
     * <p>Example: {@code FeedsFile.append(Path.of("feeds.yml"), OpmlFile.read(Path.of("subscriptions.opml")))}.
     *
     * @return the feeds appended, in the given order; empty when all were listed (the file is then untouched)
     * @throws FeedsFileException when the existing file is not a valid feeds file, is laid out so that
     *                            entries cannot be added at its end (a flow-style list), or cannot be read
     *                            or written
     */
    public static List<FeedSource> append(Path path, List<FeedSource> feeds) {
        boolean exists = Files.exists(path);
        List<FeedSource> listed = exists ? load(path) : List.of();
        Set<String> known = listed.stream().map(feed -> sameFeedKey(feed.url())).collect(Collectors.toCollection(HashSet::new));
        List<FeedSource> added = feeds.stream().filter(feed -> known.add(sameFeedKey(feed.url()))).toList();
        if (added.isEmpty()) {
            return added;
        }
        List<FeedSource> expected = Stream.concat(listed.stream(), added.stream()).toList();
        String existing = exists ? readText(path) : "";
        String addition = exists ? FeedsYaml.addition(existing, added) : FeedsYaml.newFile(added);
        checkBeforeWriting(existing + addition, path, expected);
        writeAddition(path, addition, exists);
        if (!load(path).equals(expected)) {
            throw new FeedsFileException(path + ": after appending " + added.size() + " feeds the file does not read back as written");
        }
        return added;
    }

    /**
     * The key under which two feed URLs are the same feed: the normal URL (see {@link UrlNormalizer}),
     * or the URL itself when it cannot be normalised.
     */
    static String sameFeedKey(String url) {
        try {
            return UrlNormalizer.normalize(url);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String readText(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FeedsFileException(path + ": cannot read the feeds file: " + e, e);
        }
    }

    private static void checkBeforeWriting(String text, Path path, List<FeedSource> expected) {
        String unchanged = "; the file was left as it was";
        List<FeedSource> result;
        try {
            result = parse(text, path.toString());
        } catch (FeedsFileException e) {
            String reason = e.getMessage().replace(path + ": ", "");
            throw new FeedsFileException(path + ": entries cannot be appended at the end of this file as it is laid out ("
                    + reason + ")" + unchanged, e);
        }
        if (!result.equals(expected)) {
            throw new FeedsFileException(path + ": entries cannot be appended at the end of this file as it is laid out: "
                    + "they would not read back as the feeds given" + unchanged);
        }
    }

    private static void writeAddition(Path path, String addition, boolean exists) {
        try {
            Files.writeString(path, addition, StandardCharsets.UTF_8,
                    exists ? StandardOpenOption.APPEND : StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new FeedsFileException(path + ": cannot write the feeds file: " + e, e);
        }
    }

    /** The bundled default list: public feeds about Huawei and US tech trade policy. */
    public static List<FeedSource> bundled() {
        InputStream in = FeedsFile.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE);
        if (in == null) {
            throw new FeedsFileException(BUNDLED_RESOURCE + ": the bundled feeds file is missing from the classpath");
        }
        try (in) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new FeedsFileException(BUNDLED_RESOURCE + ": cannot read the bundled feeds file: " + e, e);
        }
    }

    /** The feeds in {@code yaml}; {@code source} names it in error messages. */
    static List<FeedSource> parse(String yaml, String source) {
        Document document;
        try (JsonParser parser = BOUNDED.parser(YAML.createParser(yaml))) {
            document = YAML.readValue(parser, Document.class);
        } catch (JsonProcessingException e) {
            throw new FeedsFileException(source + ": " + describe(e), e);
        } catch (IOException e) {
            throw new FeedsFileException(source + ": cannot read the feeds file: " + e, e);
        }
        if (document == null || document.feeds() == null || document.feeds().isEmpty()) {
            throw new FeedsFileException(source + ": feeds is missing or empty: list at least one feed under \"feeds:\"");
        }
        return check(document.feeds(), source);
    }

    private static List<FeedSource> check(List<Entry> entries, String source) {
        List<FeedSource> feeds = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            FeedSource feed = toSource(entries.get(i), source + ": feeds[" + i + "]");
            Integer earlier = firstIndex.putIfAbsent(feed.url(), i);
            if (earlier != null) {
                throw new FeedsFileException(source + ": feeds[" + i + "].url \"" + feed.url()
                        + "\" is already listed as feeds[" + earlier + "]: list each feed once");
            }
            feeds.add(feed);
        }
        return List.copyOf(feeds);
    }

    private static FeedSource toSource(Entry entry, String where) {
        if (entry == null) {
            throw new FeedsFileException(where + " is empty: an entry needs at least a url");
        }
        try {
            return new FeedSource(entry.url(), entry.name(), type(entry.type()), entry.linkSelector());
        } catch (IllegalArgumentException e) {
            throw new FeedsFileException(where + "." + e.getMessage(), e);
        }
    }

    private static FeedType type(String type) {
        if (type == null || type.isBlank()) {
            return FeedType.AUTO;
        }
        try {
            return FeedType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("type \"" + type + "\" is not one of: auto, html");
        }
    }

    private static String describe(JsonProcessingException e) {
        BoundedYaml.LimitExceeded limit = BoundedYaml.limitExceeded(e);
        if (limit != null) {
            JsonLocation where = limit.getLocation();
            return (where == null || where.getLineNr() < 1 ? "" : "line " + where.getLineNr() + ": ")
                    + limit.getOriginalMessage();
        }
        StreamReadException syntax = syntaxError(e);
        if (syntax != null) {
            String where = syntax.getLocation() == null ? ""
                    : " at line " + syntax.getLocation().getLineNr() + ", column " + syntax.getLocation().getColumnNr();
            return "not valid YAML" + where + ": " + oneLine(syntax.getOriginalMessage());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return path(u) + " is not a known key (known keys: " + known + ")";
        }
        if (e instanceof JsonMappingException m) {
            return wrongShape(path(m), m);
        }
        return "cannot be read: " + oneLine(e.getOriginalMessage());
    }

    private static String wrongShape(String path, JsonMappingException e) {
        if (path.isEmpty()) {
            return String.valueOf(e.getOriginalMessage()).startsWith("No content")
                    ? "the file is empty: list at least one feed under \"feeds:\""
                    : "the file must be a mapping with a \"feeds:\" list";
        }
        if (path.equals("feeds")) {
            return "feeds must be a list of entries, each starting with \"- url:\"";
        }
        if (path.matches("feeds\\[\\d+]")) {
            return path + " must be a mapping of url, name, type and linkSelector";
        }
        return path + " must be a single value, not a list or a mapping";
    }

    private static StreamReadException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException s) {
                return s;
            }
        }
        return null;
    }

    /** The YAML parser's message without its source excerpt and caret lines. */
    private static String oneLine(String message) {
        return message.lines()
                .filter(line -> !line.isBlank() && !line.startsWith(" ") && !line.contains("^"))
                .collect(Collectors.joining("; "));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
