-- Schema version 3 of EnrichedArticle: a duplicate's estimated similarity to its original (null otherwise).
ALTER TABLE article ADD COLUMN similarity REAL;
