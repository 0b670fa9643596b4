-- The outcome index now holds only the outcomes an operator looks for: FAILED, REJECTED and
-- UNKNOWN_NUMBER. The whole index (outcome, received_at) was written on every push, twice more
-- when its delivery was applied (ACCEPTED out, PROCESSED in), and served no listing on SQLite,
-- whose planner cannot use an index behind "(:outcome IS NULL OR outcome = :outcome)". Listing
-- one of these outcomes now reads this index (webhook.list-attention); a push that is accepted,
-- applied or a duplicate never touches it. The outcomes of the hot path are listed through the
-- received_at index, newest first, as before.
DROP INDEX webhook_logs_outcome_idx;
CREATE INDEX webhook_logs_attention_idx ON tracking_webhook_logs (outcome, received_at)
    WHERE outcome IN ('FAILED', 'REJECTED', 'UNKNOWN_NUMBER');
