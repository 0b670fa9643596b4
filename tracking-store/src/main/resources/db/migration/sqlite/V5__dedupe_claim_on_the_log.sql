-- The dedupe claim moves onto the delivery's own row. A delivery that claims its key is stored
-- with dedupe_claimed = 1, and one unique index over (number, dedupe_key, dedupe_claimed) lets
-- only one row per key hold the claim; every other row has NULL there, and NULLs never collide.
-- The same index, led by the number, also answers listing deliveries by number.
--
-- Before, each accepted push wrote two B-trees at a random place, the number index and the key
-- table's primary key, plus the key table itself: under load those random pages were most of what
-- each commit appended to the write-ahead log and each checkpoint copied back.
--
-- A key always carries the number of its delivery (U|number|... or S|number|...), so the number
-- is never NULL on a claiming row.
ALTER TABLE tracking_webhook_logs ADD COLUMN dedupe_claimed INTEGER;

UPDATE tracking_webhook_logs SET dedupe_claimed = 1
WHERE id IN (SELECT delivery_id FROM webhook_dedupe_keys);

CREATE UNIQUE INDEX webhook_logs_claim_uq ON tracking_webhook_logs (number, dedupe_key, dedupe_claimed);

DROP INDEX webhook_logs_number_idx;

DROP TABLE webhook_dedupe_keys;
