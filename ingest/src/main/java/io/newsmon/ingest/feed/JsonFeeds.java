package io.newsmon.ingest.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.newsmon.ingest.fetch.CharsetDetector;
import io.newsmon.model.FeedEntry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * JSON Feed 1.0 and 1.1 ({@code https://jsonfeed.org/version/1} and {@code /1.1}), read with Jackson.
 *
 * <p>An item's link is its {@code url}, else its {@code external_url}, else its {@code id} when that is an
 * http(s) URL; its summary is {@code summary}, else {@code content_text}, else the text of
 * {@code content_html}; its date is {@code date_published}, else {@code date_modified} (RFC 3339); its
 * author is the first of {@code authors} (1.1), else {@code author} (1.0), else the feed's own. Documents
 * deeper than {@value #MAX_NESTING_DEPTH} levels, longer than {@value #MAX_DOCUMENT_CHARS} characters or
 * with a string longer than {@value #MAX_STRING_CHARS} characters are refused unread.
 */
final class JsonFeeds {
    static final String VERSION_1 = "https://jsonfeed.org/version/1";
    static final String VERSION_1_1 = "https://jsonfeed.org/version/1.1";
    /** A JSON Feed needs four levels (feed, items, item, author); extensions get some more. */
    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_DOCUMENT_CHARS = 16 * 1024 * 1024;
    static final int MAX_STRING_CHARS = 4 * 1024 * 1024;

    private static final Set<String> VERSIONS = Set.of(VERSION_1, VERSION_1_1);
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxDocumentLength(MAX_DOCUMENT_CHARS)
                    .maxStringLength(MAX_STRING_CHARS)
                    .build())
            .build()).build();

    private JsonFeeds() {
    }

    static FeedParse parse(byte[] content, String contentType, String feedUrl) {
        JsonNode root;
        try {
            root = MAPPER.readTree(CharsetDetector.decode(content, CharsetDetector.detect(contentType, content)));
        } catch (JsonProcessingException e) {
            return new FeedParse.NotAFeed(feedUrl + describe(e));
        }
        String problem = problem(root);
        if (problem != null) {
            return new FeedParse.NotAFeed(feedUrl + " is JSON but not a JSON Feed: " + problem);
        }
        return new FeedParse.Entries(entries(root, feedUrl));
    }

    private static String describe(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        if (e instanceof StreamConstraintsException) {
            return " is JSON beyond what a JSON Feed needs: " + message;
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return " is not valid JSON" + where + ": " + message;
    }

    /** Why {@code root} is not a JSON Feed, or null when it is one. */
    private static String problem(JsonNode root) {
        if (!root.isObject()) {
            return "the top level must be an object with \"version\" and \"items\", not "
                    + root.getNodeType().toString().toLowerCase(Locale.ROOT);
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isTextual() || !VERSIONS.contains(version.asText().strip())) {
            return "\"version\" must be " + VERSION_1 + " or /1.1" + (version == null ? "" : ", not " + version);
        }
        JsonNode items = root.get("items");
        if (items == null || !items.isArray()) {
            return "\"items\" must be an array" + (items == null ? "" : ", not " + items.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        return null;
    }

    private static List<FeedEntry> entries(JsonNode feed, String feedUrl) {
        EntryCollector collector = new EntryCollector(feedUrl);
        String feedAuthor = author(feed);
        for (JsonNode item : feed.get("items")) {
            collector.resolve(text(item, "url"))
                    .or(() -> collector.resolve(text(item, "external_url")))
                    .or(() -> collector.resolveAbsolute(text(item, "id")))
                    .ifPresent(link -> collector.add(new FeedEntry(PlainText.of(text(item, "title")), link,
                            published(item), summary(item), orElse(author(item), feedAuthor))));
        }
        return collector.entries();
    }

    private static String summary(JsonNode item) {
        return Stream.of(PlainText.of(text(item, "summary")), PlainText.of(text(item, "content_text")))
                .filter(Objects::nonNull).findFirst()
                .orElseGet(() -> PlainText.fromHtml(text(item, "content_html")));
    }

    private static Instant published(JsonNode item) {
        Instant published = date(text(item, "date_published"));
        return published != null ? published : date(text(item, "date_modified"));
    }

    /** An RFC 3339 date-time ({@code 2024-05-08T09:30:00+02:00}), or null when absent or not one. */
    static Instant date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        StringBuilder iso = new StringBuilder(value.strip().toUpperCase(Locale.ROOT));
        if (iso.length() > 10 && iso.charAt(10) == ' ') {
            iso.setCharAt(10, 'T'); // RFC 3339 allows a space between date and time
        }
        try {
            return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The first named author: of {@code authors} (JSON Feed 1.1), else of {@code author} (1.0). */
    private static String author(JsonNode node) {
        JsonNode authors = node.get("authors");
        if (authors != null && authors.isArray()) {
            for (JsonNode author : authors) {
                String name = PlainText.of(text(author, "name"));
                if (name != null) {
                    return name;
                }
            }
        }
        JsonNode author = node.get("author");
        return author == null ? null : PlainText.of(text(author, "name"));
    }

    /** The string (or number) {@code field} of {@code node}; null when absent or of another kind. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && (value.isTextual() || value.isNumber()) ? value.asText() : null;
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
