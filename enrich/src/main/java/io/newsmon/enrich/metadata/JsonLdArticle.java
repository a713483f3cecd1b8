package io.newsmon.enrich.metadata;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The first schema.org article node in a page's JSON-LD blocks ({@code <script type="application/ld+json">}),
 * found at the top level, in arrays or in {@code @graph}; {@code @id} references (as Yoast writes authors
 * and publishers) are resolved within the page. Blocks that are not valid JSON are skipped.
 */
final class JsonLdArticle {
    private static final Pattern LD_JSON_TYPE = Pattern.compile("(?i)application/ld\\+json");
    private static final Pattern CDATA_START = Pattern.compile("^(//\\s*)?<!\\[CDATA\\[");
    private static final Pattern CDATA_END = Pattern.compile("(//\\s*)?]]>$");
    private static final Set<String> ARTICLE_TYPES = Set.of("Article", "NewsArticle", "ReportageNewsArticle",
            "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle",
            "BlogPosting", "LiveBlogPosting", "Report");
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();
    private static final JsonLdArticle NONE = new JsonLdArticle(null, Map.of());

    private final JsonNode article;
    private final Map<String, JsonNode> nodesById;

    private JsonLdArticle(JsonNode article, Map<String, JsonNode> nodesById) {
        this.article = article;
        this.nodesById = nodesById;
    }

    /** The page's article node; when it has none, every accessor returns null. */
    static JsonLdArticle find(Document doc) {
        return find(doc.getElementsByTag("script"));
    }

    /** The article node among the page's {@code scripts} (all of them, of any type), as {@link #find(Document)}. */
    static JsonLdArticle find(List<Element> scripts) {
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : scripts) {
            if (!LD_JSON_TYPE.matcher(script.attr("type")).find()) {
                continue;
            }
            JsonNode root = parse(script.data());
            if (root != null) {
                collect(root, nodes);
            }
        }
        Map<String, JsonNode> byId = new HashMap<>();
        nodes.stream().filter(n -> n.hasNonNull("@id")).forEach(n -> byId.putIfAbsent(n.get("@id").asText(), n));
        return nodes.stream().filter(JsonLdArticle::isArticle).findFirst()
                .map(n -> new JsonLdArticle(n, byId)).orElse(NONE);
    }

    String headline() {
        String headline = text(field("headline"));
        return headline != null ? headline : text(field("name"));
    }

    /** The author names joined with {@code ", "}; an author may be a string, an object or an array of either. */
    String author() {
        Set<String> names = new LinkedHashSet<>();
        JsonNode author = field("author");
        if (author != null && author.isArray()) {
            author.forEach(a -> addName(a, names));
        } else {
            addName(author, names);
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    String datePublished() {
        return text(field("datePublished"));
    }

    String dateModified() {
        return text(field("dateModified"));
    }

    String inLanguage() {
        JsonNode language = field("inLanguage");
        return language != null && language.isObject() ? text(language.get("name")) : text(language);
    }

    String url() {
        String url = text(field("url"));
        if (url != null) {
            return url;
        }
        JsonNode page = resolve(field("mainEntityOfPage"));
        return page != null && page.isObject() ? text(page.has("url") ? page.get("url") : page.get("@id")) : text(page);
    }

    String publisherName() {
        JsonNode publisher = resolve(field("publisher"));
        return publisher != null && publisher.isObject() ? text(publisher.get("name")) : text(publisher);
    }

    private JsonNode field(String name) {
        return article == null ? null : article.get(name);
    }

    private void addName(JsonNode author, Set<String> names) {
        JsonNode resolved = resolve(author);
        String name = resolved != null && resolved.isObject() ? text(resolved.get("name")) : text(resolved);
        if (name != null) {
            names.add(name);
        }
    }

    /** The node an {@code {"@id": ...}} reference points to, or the node itself. */
    private JsonNode resolve(JsonNode node) {
        if (node != null && node.isObject() && node.size() == 1 && node.has("@id")) {
            return nodesById.getOrDefault(node.get("@id").asText(), node);
        }
        return node;
    }

    private static JsonNode parse(String json) {
        String body = CDATA_END.matcher(CDATA_START.matcher(json.strip()).replaceFirst("")).replaceFirst("");
        try {
            return LENIENT.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, into));
        } else if (node.isObject()) {
            into.add(node);
            if (node.has("@graph")) {
                collect(node.get("@graph"), into);
            }
        }
    }

    private static boolean isArticle(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return false;
        }
        List<JsonNode> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(types::add);
        } else {
            types.add(type);
        }
        return types.stream().map(JsonNode::asText).map(JsonLdArticle::localName).anyMatch(ARTICLE_TYPES::contains);
    }

    /** {@code NewsArticle} for {@code https://schema.org/NewsArticle} or {@code schema:NewsArticle}. */
    private static String localName(String type) {
        return type.substring(Math.max(type.lastIndexOf('/'), type.lastIndexOf(':')) + 1);
    }

    private static String text(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
