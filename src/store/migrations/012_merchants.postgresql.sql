-- PostgreSQL: the same C++ tokens as a tsvector ('simple' keeps them as they are), GIN-indexed.
ALTER TABLE merchant ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', search_tokens)) STORED;
CREATE INDEX merchant_search ON merchant USING GIN (search_vector);
