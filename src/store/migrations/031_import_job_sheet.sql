-- Where an import read its rows (the worksheet and the header's row): the rejected rows are
-- handed back from the stored file in the sheet's own layout, to be corrected and imported again
-- (GET /imports/ID/rejected).
ALTER TABLE import_job ADD COLUMN sheet_index INTEGER;
ALTER TABLE import_job ADD COLUMN header_row INTEGER;
