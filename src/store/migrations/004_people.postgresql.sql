-- PostgreSQL: the same C++ tokens as a tsvector ('simple' keeps them as they are), GIN-indexed.
ALTER TABLE person ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', search_tokens)) STORED;
CREATE INDEX person_search ON person USING GIN (search_vector);
