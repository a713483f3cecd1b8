package io.newsmon.enrich.tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;

/**
 * Parses the queries of a taxonomy within limits, so that a careless or hostile topics file is refused in
 * well under a second with a message naming the topic, the value and the rule, rather than hanging
 * start-up, overflowing the stack or making every article slow to tag. A query that refers to a topic
 * ({@code topic:<id>}) shares that topic's parsed query; its size counts as if written out.
 *
 * <p>Example of a refusal: {@code topic "t3": its query expands to more than 10,000 clauses through topic:
 * references (t3 -> t2 -> t1 -> t0): refer to fewer or smaller topics}.
 */
final class TopicQueries {
    /**
     * The longest query, in characters: 10,000. The bundled queries have a few hundred; a longer one is
     * better split into topics that refer to each other.
     */
    static final int MAX_QUERY_LENGTH = 10_000;
    /**
     * The deepest nesting of parentheses in a query: 32. Lucene's parser recurses at each level, and
     * thousands of levels overflow the stack.
     */
    static final int MAX_NESTING_DEPTH = 32;
    /**
     * The longest wildcard, prefix, fuzzy or regular-expression term, in characters: 100. Lucene builds an
     * automaton for each, when the query is parsed or for every article matched, in time that grows with
     * the term's length (a fuzzy term of 5,000 characters took 8 s for each article).
     */
    static final int MAX_PATTERN_LENGTH = 100;
    /**
     * The most states a regular expression may repeat to, estimated before Lucene builds its automaton:
     * 1,000. {@code /(a{1,1000}){1,1000}/} is 21 characters long but repeats to a million states.
     */
    static final int MAX_REGEXP_STATES = 1_000;
    /**
     * The most clauses (terms, phrases and the boolean queries around them) a query may have with the
     * queries of the topics it refers to written out: 10,000. Each reference shares the referred query, but
     * Lucene's monitor walks the written-out query when it registers and matches it: 31 topics that each
     * refer twice to the one before expand to two billion clauses.
     */
    static final int MAX_EXPANDED_CLAUSES = 10_000;
    /** The longest chain of {@code topic:} references from a topic: 10 (the bundled taxonomy has 1). */
    static final int MAX_REFERENCE_DEPTH = 10;
    /**
     * The most wildcard, prefix, range and regular-expression terms all topics may have together, those of
     * referred topics counted again in each reference: 100. Lucene's monitor cannot tell from an article's
     * words whether such a term may match, so it tries each on every article (about 10 to 65 µs each), and
     * preparing a wildcard or regular expression may take tens of milliseconds at start-up.
     */
    static final int MAX_PATTERN_TERMS = 100;
    /**
     * The most fuzzy terms ({@code word~1}) all topics may have together, counted as
     * {@link #MAX_PATTERN_TERMS} counts: 20. Each is tried on every article and builds its automata anew
     * there, about 2 ms each (1,000 fuzzy topics took 2 s for every article).
     */
    static final int MAX_FUZZY_TERMS = 20;

    /** Values longer than this are shortened in messages. */
    private static final int SHOWN_LENGTH = 60;
    /** Earlier topics named when a reference is to none of them. */
    private static final int SHOWN_TOPICS = 10;

    /**
     * The size of a query with the queries it refers to written out: its clauses, its wildcard, prefix,
     * range and regular-expression terms, and its fuzzy terms.
     */
    private record Size(long clauses, long patterns, long fuzzy) {
        static final Size NONE = new Size(0, 0, 0);

        Size plus(Size other) {
            return new Size(add(clauses, other.clauses), add(patterns, other.patterns), add(fuzzy, other.fuzzy));
        }

        private static long add(long a, long b) {
            return Math.min(Long.MAX_VALUE / 2, a + b);
        }
    }

    /** A parsed topic: its query, its written-out size and its deepest and largest references. */
    private record Parsed(Query query, Size size, int depth, String deepest, String largest) {
        long clauses() {
            return size.clauses();
        }
    }

    private TopicQueries() {
    }

    /**
     * Parses every query of {@code topics} with Lucene's {@link EnglishAnalyzer}, only to check them.
     *
     * @throws TopicsFileException naming the topic, the query and the rule it breaks
     */
    static void check(List<TopicDefinition> topics) {
        try (Analyzer analyzer = new EnglishAnalyzer()) {
            parse(topics, analyzer);
        }
    }

    /**
     * The queries of {@code topics}, in order, for Lucene's monitor.
     *
     * @throws TopicsFileException naming the topic, the query and the rule it breaks
     */
    static List<MonitorQuery> parse(List<TopicDefinition> topics, Analyzer analyzer) {
        Map<String, Parsed> parsed = new HashMap<>();
        Map<String, Query> queries = new LinkedHashMap<>();
        Map<Query, Size> sizes = new IdentityHashMap<>();
        List<MonitorQuery> monitorQueries = new ArrayList<>();
        Size total = Size.NONE;
        for (TopicDefinition topic : topics) {
            if (parsed.containsKey(topic.id())) {
                throw new TopicsFileException("topic \"" + topic.id() + "\" is defined twice: each id must appear once");
            }
            TopicQueryParser parser = new TopicQueryParser(TopicTagger.BODY, analyzer, queries, total.patterns(),
                    total.fuzzy());
            Parsed result = parseTopic(topic, parser, parsed, sizes);
            total = checkTotal(topic, total.plus(result.size()));
            parsed.put(topic.id(), result);
            queries.put(topic.id(), result.query());
            sizes.putIfAbsent(result.query(), result.size());
            monitorQueries.add(new MonitorQuery(topic.id(), result.query(), topic.query(), Map.of()));
        }
        return monitorQueries;
    }

    private static Parsed parseTopic(TopicDefinition topic, TopicQueryParser parser, Map<String, Parsed> earlier,
                                     Map<Query, Size> sizes) {
        Query query = parseQuery(topic, parser);
        Parsed result = measure(query, parser.references(), earlier, sizes);
        if (result.clauses() > MAX_EXPANDED_CLAUSES) {
            throw new TopicsFileException("topic \"" + topic.id() + "\": its query expands to more than "
                    + number(MAX_EXPANDED_CLAUSES) + " clauses through topic: references ("
                    + chain(topic.id(), result, earlier, false) + "): refer to fewer or smaller topics");
        }
        if (result.depth() > MAX_REFERENCE_DEPTH) {
            throw new TopicsFileException("topic \"" + topic.id() + "\": its topic: references nest "
                    + result.depth() + " deep (" + chain(topic.id(), result, earlier, true) + "), more than the "
                    + MAX_REFERENCE_DEPTH + " levels a topic may have: refer to the topics further down directly");
        }
        return result;
    }

    /** {@code total}, the size of the topics up to and with {@code topic}, when within the limits for all together. */
    private static Size checkTotal(TopicDefinition topic, Size total) {
        String rule = " through topic: references, more than the %d they may have together: ";
        if (total.patterns() > MAX_PATTERN_TERMS) {
            throw new TopicsFileException("topic \"" + topic.id() + "\": its query brings the wildcard, prefix, range"
                    + " and regular-expression terms of the topics to " + number(total.patterns())
                    + rule.formatted(MAX_PATTERN_TERMS) + "each is tried on every article, so use plain words where you can");
        }
        if (total.fuzzy() > MAX_FUZZY_TERMS) {
            throw new TopicsFileException("topic \"" + topic.id() + "\": its query brings the fuzzy terms of the topics to "
                    + number(total.fuzzy()) + rule.formatted(MAX_FUZZY_TERMS) + "each takes milliseconds on every article");
        }
        return total;
    }

    private static Query parseQuery(TopicDefinition topic, TopicQueryParser parser) {
        String start = "topic \"" + topic.id() + "\": query " + quote(topic.query());
        Query query;
        try {
            query = parser.parse(topic.query());
        } catch (TopicQueryParser.Refused e) {
            throw new TopicsFileException(start + (e.wholeQuery() ? " " : ": ") + e.getMessage(), e);
        } catch (ParseException | IndexSearcher.TooManyClauses e) {
            throw new TopicsFileException(start + " does not parse: " + reason(e, topic.query()), e);
        }
        if (query == null || query instanceof MatchNoDocsQuery
                || query instanceof BooleanQuery bool && bool.clauses().isEmpty()) {
            throw new TopicsFileException(start + " matches nothing: every term is a stop word or empty");
        }
        return query;
    }

    /** The size and reference depth of {@code query}, whose references are among {@code earlier}. */
    private static Parsed measure(Query query, Iterable<String> references, Map<String, Parsed> earlier,
                                  Map<Query, Size> sizes) {
        int depth = 0;
        String deepest = null;
        String largest = null;
        for (String reference : references) {
            Parsed referred = earlier.get(reference);
            if (referred.depth() + 1 > depth) {
                depth = referred.depth() + 1;
                deepest = reference;
            }
            if (largest == null || referred.clauses() > earlier.get(largest).clauses()) {
                largest = reference;
            }
        }
        return new Parsed(query, size(query, sizes), depth, deepest, largest);
    }

    /**
     * The size of {@code query} written out; {@code known} has the sizes of the queries referred to, so that
     * each is counted without walking it again.
     */
    private static Size size(Query query, Map<Query, Size> known) {
        Size size = known.get(query);
        if (size != null) {
            return size;
        }
        Size total = new Size(1, query instanceof MultiTermQuery && !(query instanceof FuzzyQuery) ? 1 : 0,
                query instanceof FuzzyQuery ? 1 : 0);
        if (query instanceof BooleanQuery bool) {
            for (BooleanClause clause : bool.clauses()) {
                total = total.plus(size(clause.query(), known));
            }
        } else if (query instanceof BoostQuery boost) {
            total = total.plus(size(boost.getQuery(), known));
        }
        return total;
    }

    /** {@code id -> ... -> } the end of its chain of deepest (or largest) references. */
    private static String chain(String id, Parsed first, Map<String, Parsed> earlier, boolean deepest) {
        StringBuilder chain = new StringBuilder(id);
        for (Parsed step = first; (deepest ? step.deepest() : step.largest()) != null; ) {
            String next = deepest ? step.deepest() : step.largest();
            chain.append(" -> ").append(next);
            step = earlier.get(next);
        }
        return chain.toString();
    }

    /** The parser's reason on one line, without the query it quotes in full. */
    private static String reason(Exception e, String query) {
        String message = String.valueOf(e.getMessage());
        String prefix = "Cannot parse '" + query + "': ";
        String reason = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return escaped(shorten(String.join(" ", reason.strip().split("\\s*\\R\\s*")), 200));
    }

    /** The ids of {@code topics} for a message, the first few of many. */
    static String someOf(Iterable<String> ids, int count) {
        List<String> shown = new ArrayList<>();
        for (String id : ids) {
            if (shown.size() == SHOWN_TOPICS) {
                return String.join(", ", shown) + ", … (" + count + " in all)";
            }
            shown.add(id);
        }
        return String.join(", ", shown);
    }

    /**
     * {@code value} in double quotes, shortened when long and with control characters escaped, so that it
     * cannot garble the terminal: {@code "aaaa…" (4,001 characters)}.
     */
    static String quote(String value) {
        return value.length() <= SHOWN_LENGTH ? '"' + escaped(value) + '"'
                : '"' + escaped(value.substring(0, SHOWN_LENGTH)) + "…\" (" + number(value.length()) + " characters)";
    }

    private static String escaped(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.chars().forEach(c -> escaped.append(Character.isISOControl(c) ? String.format("\\u%04X", c) : (char) c));
        return escaped.toString();
    }

    private static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "…";
    }

    /** {@code n} with thousands separators: {@code 10,000}. */
    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
