-- A per-row trigger costs one FTS5 insert per tracking number, which caps bulk imports well below
-- a plain insert. The store instead indexes each transaction's new rows with one statement
-- (tracking.index-new) before it commits, so search stays in step without the trigger.
-- Deletes and number changes are rare and stay with their triggers.
DROP TRIGGER tracking_numbers_fts_insert;
