-- Articles as enriched, and the topics each was tagged with. Ids use the "C" collation so that
-- ordering by id is byte order, as in SQLite.
CREATE TABLE article (
    id           TEXT COLLATE "C" PRIMARY KEY,
    url          TEXT             NOT NULL,
    source       TEXT,
    feed_url     TEXT,
    title        TEXT,
    author       TEXT,
    published_at TIMESTAMPTZ,
    fetched_at   TIMESTAMPTZ      NOT NULL,
    language     TEXT,
    site_name    TEXT,
    text         TEXT             NOT NULL,
    content_hash TEXT,
    duplicate_of TEXT COLLATE "C",
    stored_at    TIMESTAMPTZ      NOT NULL
);

CREATE INDEX article_published_at_idx ON article (published_at);
CREATE INDEX article_fetched_at_idx ON article (fetched_at, id);
CREATE INDEX article_content_hash_idx ON article (content_hash);

-- ordinal keeps the order of EnrichedArticle.topics; evidence is a JSON array of strings.
CREATE TABLE article_topic (
    article_id TEXT COLLATE "C" NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    topic_id   TEXT COLLATE "C" NOT NULL,
    ordinal    INTEGER          NOT NULL,
    score      DOUBLE PRECISION NOT NULL,
    evidence   TEXT             NOT NULL,
    PRIMARY KEY (article_id, topic_id)
);

CREATE INDEX article_topic_topic_id_idx ON article_topic (topic_id);
