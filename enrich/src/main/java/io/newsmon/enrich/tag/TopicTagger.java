package io.newsmon.enrich.tag;

import io.newsmon.model.TopicTag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Tags articles with the topics whose queries they match, using Lucene's monitor (the queries are
 * indexed once; each article is matched against all of them as a one-document in-memory index). The
 * monitor's presearcher is the two-pass term filter: a query {@code +a +b} is only tried on articles that
 * contain both terms, which made tagging against 10,000 stored queries about a third faster.
 *
 * <p><b>Fields.</b> An article is indexed as {@value #TITLE}, {@value #TEXT} and {@value #BODY} (title and
 * text together), analysed with Lucene's {@link EnglishAnalyzer} (lower case, English stop words removed,
 * possessives dropped, Porter stemming: {@code licences} matches {@code licence}). A query term without a
 * field searches {@value #BODY}; {@code title:huawei} searches the title only.
 *
 * <p><b>Queries</b> use Lucene's classic syntax ({@code AND}, {@code OR}, {@code +}/{@code -}, quoted
 * phrases, {@code "a b"~N} proximity), with hyphenated words read as phrases ({@code rip-and-replace}) and
 * one addition: {@code topic:<id>} stands for the query of a topic defined earlier in the list, so a
 * taxonomy can say "about Huawei and about export controls" as {@code +topic:huawei +("entity list" ...)}.
 * Counting is done with a proximity phrase of the same word twice: {@code "huawei huawei"~100000} matches
 * only text that contains the word at two different positions, that is, mentions it at least twice.
 *
 * <p><b>Limits.</b> Queries are parsed within the limits of {@link TopicQueries}: at most 10,000
 * characters and 32 levels of parentheses; wildcard, prefix, fuzzy and regular-expression terms of at most
 * 100 characters, and few of them (each is tried on every article); {@code topic:} references at most 10
 * deep, expanding to at most 10,000 clauses. A query beyond them is refused with a message naming the
 * topic, the value and the rule, so that no query can hang start-up or make each article slow to tag.
 *
 * <p><b>Results.</b> {@link #tag(String, String)} gives the matching topics in definition order. A tag's
 * score is the number of matched occurrences (the monitor's highlight hits over all fields, so a word in
 * the title counts in {@value #TITLE} and in {@value #BODY}); it is not a relevance probability. Its
 * evidence lists up to 6 distinct matched terms or phrases, each with a snippet of
 * about 80 characters around it, for example
 * {@code Entity List: "…the Commerce Department added Huawei to its Entity List on Thursday, barring…"}.
 *
 * <p>Thread-safe (the monitor is). Close it to stop the monitor's cache purger.
 */
public final class TopicTagger implements AutoCloseable {
    /** The title field. */
    public static final String TITLE = "title";
    /** The text field. */
    public static final String TEXT = "text";
    /** The title and text together: the default field of queries. */
    public static final String BODY = "body";

    private final List<TopicDefinition> topics;
    private final Monitor monitor;
    private final boolean indexText;
    private final Map<String, Integer> order;

    /**
     * Parses and registers the queries of {@code topics}.
     *
     * @throws TopicsFileException when a query does not parse or breaks a limit of {@link TopicQueries},
     *                             naming the topic, the query and the reason
     */
    public TopicTagger(List<TopicDefinition> topics) {
        this.topics = List.copyOf(topics);
        Analyzer analyzer = new EnglishAnalyzer();
        List<MonitorQuery> queries = TopicQueries.parse(this.topics, analyzer);
        this.indexText = searches(queries, TEXT);
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < this.topics.size(); i++) {
            positions.put(this.topics.get(i).id(), i);
        }
        this.order = Map.copyOf(positions);
        try {
            this.monitor = new Monitor(analyzer, new MultipassTermFilteredPresearcher(2));
            monitor.register(queries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register the topic queries in Lucene's monitor", e);
        }
    }

    /** The topics this tagger knows, in definition order. */
    public List<TopicDefinition> topics() {
        return topics;
    }

    /**
     * The topics that an article with this title and text matches, in definition order.
     *
     * @param title the headline, or null
     * @param text  the article text, or null
     */
    public List<TopicTag> tag(String title, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(TITLE, title == null ? "" : title);
        fields.put(TEXT, text == null ? "" : text);
        fields.put(BODY, fields.get(TITLE) + "\n\n" + fields.get(TEXT));
        MatchingQueries<HighlightsMatch> matches = match(document(fields));
        return matches.getMatches().stream().sorted(Comparator.comparingInt(m -> order.get(m.getQueryId())))
                .map(m -> new TopicTag(m.getQueryId(), m.getHitCount(), Evidence.of(m, fields))).toList();
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close Lucene's monitor", e);
        }
    }

    private MatchingQueries<HighlightsMatch> match(Document document) {
        try {
            MatchingQueries<HighlightsMatch> matches = monitor.match(document, HighlightsMatch.MATCHER);
            if (!matches.getErrors().isEmpty()) {
                Map.Entry<String, Exception> error = matches.getErrors().entrySet().iterator().next();
                throw new IllegalStateException("topic " + error.getKey() + ": matching failed: "
                        + error.getValue(), error.getValue());
            }
            return matches;
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's monitor failed to match an article", e);
        }
    }

    /** The article as a Lucene document; {@value #TEXT} is left out when no query reads it (one analysis less). */
    private Document document(Map<String, String> fields) {
        Document document = new Document();
        fields.forEach((name, value) -> {
            if (indexText || !TEXT.equals(name)) {
                document.add(new TextField(name, value, Field.Store.NO));
            }
        });
        return document;
    }

    /** Whether any of {@code queries} searches the field {@code field}. */
    private static boolean searches(List<MonitorQuery> queries, String field) {
        boolean[] found = {false};
        QueryVisitor visitor = new QueryVisitor() {
            @Override
            public boolean acceptField(String name) {
                found[0] |= field.equals(name);
                return true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        };
        queries.forEach(q -> q.getQuery().visit(visitor));
        return found[0];
    }
}
