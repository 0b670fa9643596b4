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

-- Every claim must carry over: its delivery logged, with the same key and a number. If one does
-- not (a row removed or edited by hand), V5 stops here, with the constraint's name in the error,
-- rather than drop a claim it cannot move.
CREATE TEMP TABLE v5_claims_check (
    unmatched INTEGER CONSTRAINT v5_every_dedupe_claim_names_its_logged_delivery CHECK (unmatched = 0)
);
INSERT INTO v5_claims_check
SELECT COUNT(*) FROM webhook_dedupe_keys k LEFT JOIN tracking_webhook_logs l ON l.id = k.delivery_id
WHERE l.id IS NULL OR l.number IS NULL OR l.dedupe_key IS NOT k.dedupe_key;
DROP TABLE v5_claims_check;

ALTER TABLE tracking_webhook_logs ADD COLUMN dedupe_claimed INTEGER;

UPDATE tracking_webhook_logs SET dedupe_claimed = 1
WHERE id IN (SELECT delivery_id FROM webhook_dedupe_keys);

CREATE UNIQUE INDEX webhook_logs_claim_uq ON tracking_webhook_logs (number, dedupe_key, dedupe_claimed);

DROP INDEX webhook_logs_number_idx;

DROP TABLE webhook_dedupe_keys;
