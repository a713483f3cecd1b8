-- Schema version 2 of EnrichedArticle: the URL the page declares as canonical and its modification time.
ALTER TABLE article ADD COLUMN canonical_url TEXT;
ALTER TABLE article ADD COLUMN modified_at TIMESTAMPTZ;
