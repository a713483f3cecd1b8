package io.newsmon.enrich.tag;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.RegExp;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Lucene's classic query parser with one addition: {@code topic:<id>} stands for the whole query of a
 * topic defined earlier, so that {@code +topic:huawei +"entity list"} reads "about Huawei and mentions the
 * Entity List" without repeating what "about Huawei" means. The earlier topic's parsed {@link Query} is
 * shared, not parsed again, and {@link #references()} lists the topics referred to.
 *
 * <p>Within the limits of {@link TopicQueries}: a query too long or nested too deeply is refused before
 * parsing (the parser recurses once per parenthesis), and a wildcard, prefix, fuzzy or regular-expression
 * term that is too long or too complex is refused before Lucene builds its automaton. Not thread-safe,
 * like its parent.
 */
final class TopicQueryParser extends QueryParser {
    /** The pseudo-field that refers to another topic. */
    static final String TOPIC_FIELD = "topic";

    /**
     * A query or term beyond a limit. The message gives the rule and, when it is about a term rather than
     * the {@link #wholeQuery() whole query}, the term.
     */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean wholeQuery;

        Refused(String message, boolean wholeQuery) {
            super(message, null, false, false);
            this.wholeQuery = wholeQuery;
        }

        /** Whether the message is about the query as a whole ("is longer than ...") rather than one term. */
        boolean wholeQuery() {
            return wholeQuery;
        }
    }

    private final Map<String, Query> earlierTopics;
    private final Set<String> references = new LinkedHashSet<>();
    private long patterns;
    private long fuzzy;

    /**
     * @param earlierTopics   the queries of the topics defined before, by id
     * @param patternsBefore  the wildcard, prefix, range and regular-expression terms of those topics, counted
     *                        as {@link TopicQueries#MAX_PATTERN_TERMS} counts them
     * @param fuzzyBefore     their fuzzy terms, counted as {@link TopicQueries#MAX_FUZZY_TERMS} counts them
     */
    TopicQueryParser(String defaultField, Analyzer analyzer, Map<String, Query> earlierTopics, long patternsBefore,
                     long fuzzyBefore) {
        super(defaultField, analyzer);
        this.earlierTopics = earlierTopics;
        this.patterns = patternsBefore;
        this.fuzzy = fuzzyBefore;
        setSplitOnWhitespace(true);
        setAutoGeneratePhraseQueries(true);
    }

    /**
     * Parses {@code query} after checking its length and nesting.
     *
     * @throws Refused when it breaks a limit of {@link TopicQueries}
     */
    @Override
    public Query parse(String query) throws ParseException {
        if (query.length() > TopicQueries.MAX_QUERY_LENGTH) {
            throw new Refused("is longer than " + TopicQueries.number(TopicQueries.MAX_QUERY_LENGTH) + " characters, the"
                    + " most a query may have: split it into topics that refer to each other with topic:<id>", true);
        }
        int depth = nesting(query);
        if (depth > TopicQueries.MAX_NESTING_DEPTH) {
            throw new Refused("nests parentheses " + TopicQueries.number(depth) + " deep, more than the "
                    + TopicQueries.MAX_NESTING_DEPTH + " levels a query may have", true);
        }
        try {
            return super.parse(query);
        } catch (StackOverflowError e) {
            // A last resort: the limits above keep the parser's recursion far from the stack's end.
            throw new Refused("is nested too deeply to parse: use fewer parentheses", true);
        }
    }

    /** The ids of the topics the parsed queries referred to, in order of first reference. */
    Set<String> references() {
        return references;
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        if (!TOPIC_FIELD.equals(field)) {
            return super.getFieldQuery(field, queryText, quoted);
        }
        Query topic = earlierTopics.get(queryText);
        if (topic == null) {
            throw new ParseException("topic:" + queryText + " refers to no topic defined before this one "
                    + "(defined so far: " + TopicQueries.someOf(earlierTopics.keySet(), earlierTopics.size()) + ")");
        }
        references.add(queryText);
        return topic;
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        checkLength("wildcard", termStr);
        countPattern("wildcard", termStr);
        try {
            return super.getWildcardQuery(field, termStr);
        } catch (TooComplexToDeterminizeException e) {
            throw tooComplex("wildcard", termStr, e);
        }
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        checkLength("prefix", termStr);
        countPattern("prefix", termStr);
        return super.getPrefixQuery(field, termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        checkLength("fuzzy", termStr);
        if (++fuzzy > TopicQueries.MAX_FUZZY_TERMS) {
            throw new Refused("the fuzzy term " + TopicQueries.quote(termStr) + " makes " + TopicQueries.number(fuzzy)
                    + " fuzzy terms in the topics so far, more than the " + TopicQueries.MAX_FUZZY_TERMS + " they may"
                    + " have together: each takes milliseconds on every article", false);
        }
        return super.getFuzzyQuery(field, termStr, minSimilarity);
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                  boolean endInclusive) throws ParseException {
        countPattern("range", part1 + " TO " + part2);
        return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        checkLength("regular-expression", termStr);
        countPattern("regular-expression", termStr);
        long states = RegexpSize.states(termStr);
        if (states > TopicQueries.MAX_REGEXP_STATES) {
            throw new Refused("the regular expression " + TopicQueries.quote(termStr) + " repeats to about "
                    + TopicQueries.number(states) + " states, more than the "
                    + TopicQueries.number(TopicQueries.MAX_REGEXP_STATES) + " a regular expression may have: use"
                    + " smaller repetition counts", false);
        }
        try {
            return super.getRegexpQuery(field, termStr);
        } catch (TooComplexToDeterminizeException e) {
            throw tooComplex("regular-expression", termStr, e);
        } catch (IllegalArgumentException e) {
            throw new ParseException("the regular expression " + TopicQueries.quote(termStr) + " is not valid: "
                    + e.getMessage());
        }
    }

    private static void checkLength(String kind, String term) {
        if (term.length() > TopicQueries.MAX_PATTERN_LENGTH) {
            throw new Refused("the " + kind + " term " + TopicQueries.quote(term) + ", longer than "
                    + TopicQueries.MAX_PATTERN_LENGTH + " characters, the most a wildcard, prefix, fuzzy or"
                    + " regular-expression term may have", false);
        }
    }

    /** Counts a term that Lucene's monitor tries on every article, and that may take time to prepare. */
    private void countPattern(String kind, String term) {
        if (++patterns > TopicQueries.MAX_PATTERN_TERMS) {
            throw new Refused("the " + kind + " term " + TopicQueries.quote(term) + " makes "
                    + TopicQueries.number(patterns) + " wildcard, prefix, range and regular-expression terms in the"
                    + " topics so far, more than the " + TopicQueries.MAX_PATTERN_TERMS + " they may have together: each"
                    + " is tried on every article, so use plain words where you can", false);
        }
    }

    private static Refused tooComplex(String kind, String term, TooComplexToDeterminizeException e) {
        return new Refused("the " + kind + " term " + TopicQueries.quote(term) + " is too complex to prepare for"
                + " matching (more than Lucene's limit of " + TopicQueries.number(e.getDeterminizeWorkLimit())
                + " steps): use fewer wildcards or repetitions", false);
    }

    /**
     * How deep the parentheses of {@code query} nest, counting those outside quoted phrases that are not
     * escaped (including those of regular expressions, which nest in their own parser too).
     */
    static int nesting(String query) {
        int depth = 0;
        int deepest = 0;
        boolean quoted = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                deepest = Math.max(deepest, ++depth);
            } else if (!quoted && c == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
        return deepest;
    }

    /** An estimate of the size of a regular expression's automaton before Lucene builds it. */
    static final class RegexpSize {
        private RegexpSize() {
        }

        /** About how many states the automaton of {@code regexp} has, at most {@link Long#MAX_VALUE}. */
        static long states(String regexp) {
            try {
                return states(new RegExp(regexp));
            } catch (IllegalArgumentException e) {
                return 0; // not valid: the parser reports it
            }
        }

        private static long states(RegExp re) {
            return switch (re.kind) {
                case REGEXP_UNION, REGEXP_CONCATENATION -> saturated(states(re.exp1), states(re.exp2), false);
                case REGEXP_INTERSECTION -> saturated(states(re.exp1), states(re.exp2), true);
                case REGEXP_OPTIONAL, REGEXP_REPEAT, REGEXP_COMPLEMENT, REGEXP_DEPRECATED_COMPLEMENT ->
                        saturated(states(re.exp1), 1, false);
                case REGEXP_REPEAT_MIN -> saturated(states(re.exp1), re.min + 1L, true);
                case REGEXP_REPEAT_MINMAX -> saturated(states(re.exp1), Math.max(1, re.max), true);
                case REGEXP_STRING -> re.s.length();
                case REGEXP_INTERVAL -> 10L * Math.max(1, re.digits);
                default -> 1;
            };
        }

        private static long saturated(long a, long b, boolean multiply) {
            try {
                return multiply ? Math.multiplyExact(a, b) : Math.addExact(a, b);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
    }
}
