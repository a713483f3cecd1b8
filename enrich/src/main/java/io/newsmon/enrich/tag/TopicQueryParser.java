package io.newsmon.enrich.tag;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic query parser with one addition: {@code topic:<id>} stands for the whole query of a
 * topic defined earlier, so that {@code +topic:huawei +"entity list"} reads "about Huawei and mentions the
 * Entity List" without repeating what "about Huawei" means. Not thread-safe, like its parent.
 */
final class TopicQueryParser extends QueryParser {
    /** The pseudo-field that refers to another topic. */
    static final String TOPIC_FIELD = "topic";

    private final Map<String, Query> earlierTopics;

    TopicQueryParser(String defaultField, Analyzer analyzer, Map<String, Query> earlierTopics) {
        super(defaultField, analyzer);
        this.earlierTopics = earlierTopics;
        setSplitOnWhitespace(true);
        setAutoGeneratePhraseQueries(true);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        if (!TOPIC_FIELD.equals(field)) {
            return super.getFieldQuery(field, queryText, quoted);
        }
        Query topic = earlierTopics.get(queryText);
        if (topic == null) {
            throw new ParseException("topic:" + queryText + " refers to no topic defined before this one "
                    + "(defined so far: " + earlierTopics.keySet() + ")");
        }
        return topic;
    }
}
