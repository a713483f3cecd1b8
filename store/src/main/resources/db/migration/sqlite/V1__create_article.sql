-- Articles as enriched, and the topics each was tagged with. Times are TEXT in the fixed-width UTC
-- form yyyy-MM-ddTHH:mm:ss.SSSSSSZ, so comparing the text compares the times.
CREATE TABLE article (
    id           TEXT NOT NULL PRIMARY KEY,
    url          TEXT NOT NULL,
    source       TEXT,
    feed_url     TEXT,
    title        TEXT,
    author       TEXT,
    published_at TEXT,
    fetched_at   TEXT NOT NULL,
    language     TEXT,
    site_name    TEXT,
    text         TEXT NOT NULL,
    content_hash TEXT,
    duplicate_of TEXT,
    stored_at    TEXT NOT NULL
) STRICT;

CREATE INDEX article_published_at_idx ON article (published_at);
CREATE INDEX article_fetched_at_idx ON article (fetched_at, id);
CREATE INDEX article_content_hash_idx ON article (content_hash);

-- ordinal keeps the order of EnrichedArticle.topics; evidence is a JSON array of strings.
CREATE TABLE article_topic (
    article_id TEXT    NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    topic_id   TEXT    NOT NULL,
    ordinal    INTEGER NOT NULL,
    score      REAL    NOT NULL,
    evidence   TEXT    NOT NULL,
    PRIMARY KEY (article_id, topic_id)
) STRICT;

CREATE INDEX article_topic_topic_id_idx ON article_topic (topic_id);
