-- The outcome index now holds only the outcomes an operator looks for: FAILED, REJECTED and
-- UNKNOWN_NUMBER. The whole index (outcome, received_at) was written on every push, twice more
-- when its delivery was applied (ACCEPTED out, PROCESSED in), and served no listing on SQLite,
-- whose planner cannot use an index behind "(:outcome IS NULL OR outcome = :outcome)". Listing
-- one of these outcomes now reads this index (webhook.list-attention). A push that is accepted and
-- applied to a stored number, or is a duplicate, never touches it; only a push for a number
-- nobody stores does (UNKNOWN_NUMBER). ACCEPTED, PROCESSED and DUPLICATE are listed through the
-- received_at index, newest first, filtered row by row, and counted by reading the log.
--
-- The new index is built before the old one is dropped, so that on PostgreSQL the build, which
-- reads the whole log, lets readers of the log go on (writers wait until the migration commits).
CREATE INDEX webhook_logs_attention_idx ON tracking_webhook_logs (outcome, received_at)
    WHERE outcome IN ('FAILED', 'REJECTED', 'UNKNOWN_NUMBER');
DROP INDEX webhook_logs_outcome_idx;
