-- The indicator cache (service/indicator_cache) asks each record set "has anything changed?" with
-- MAX(updated_at) before it reuses a computed figure; these indexes answer that from the index's
-- last entry instead of a scan (person(updated_at) exists since migration 020).
CREATE INDEX venture_updated ON venture (updated_at);
CREATE INDEX loan_updated ON loan (updated_at);
CREATE INDEX merchant_updated ON merchant (updated_at);
