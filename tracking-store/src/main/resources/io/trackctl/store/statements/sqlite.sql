-- Named statements for SQLite. Same names as postgresql.sql; only the SQL differs.

-- name: health.ping
SELECT 1 AS one

-- name: shop.insert
INSERT INTO shops (name, platform, store_url, timezone, status, api_key_sealed, api_key_hint, api_secret_sealed,
                   api_secret_hint, access_token_sealed, access_token_hint, created_at, updated_at)
VALUES (:name, :platform, :store_url, :timezone, 'ACTIVE', :api_key_sealed, :api_key_hint, :api_secret_sealed,
        :api_secret_hint, :access_token_sealed, :access_token_hint, :now, :now)
RETURNING id

-- name: shop.find
SELECT * FROM shops WHERE id = :id AND deleted_at IS NULL

-- name: shop.list
SELECT * FROM shops
WHERE deleted_at IS NULL
  AND (:platform IS NULL OR lower(platform) = lower(:platform))
  AND (:name_like IS NULL OR lower(name) LIKE :name_like)
  AND (:include_disabled OR status = 'ACTIVE')
ORDER BY id
LIMIT :limit OFFSET :offset

-- name: shop.count
SELECT COUNT(*) AS n FROM shops
WHERE deleted_at IS NULL
  AND (:platform IS NULL OR lower(platform) = lower(:platform))
  AND (:name_like IS NULL OR lower(name) LIKE :name_like)
  AND (:include_disabled OR status = 'ACTIVE')

-- name: shop.update
UPDATE shops
SET name = :name, platform = :platform, store_url = :store_url, timezone = :timezone,
    api_key_sealed = :api_key_sealed, api_key_hint = :api_key_hint,
    api_secret_sealed = :api_secret_sealed, api_secret_hint = :api_secret_hint,
    access_token_sealed = :access_token_sealed, access_token_hint = :access_token_hint, updated_at = :now
WHERE id = :id AND deleted_at IS NULL

-- name: shop.set-status
UPDATE shops SET status = :status, updated_at = :now WHERE id = :id AND deleted_at IS NULL

-- name: carrier.find
SELECT * FROM carriers WHERE id = :id

-- name: carrier.find-by-code
SELECT * FROM carriers WHERE code = :code

-- name: carrier.find-by-key
SELECT * FROM carriers WHERE track_key = :track_key

-- name: carrier.insert
INSERT INTO carriers (code, name, track_key, country, homepage, created_at, updated_at)
VALUES (:code, :name, :track_key, :country, :homepage, :now, :now)
RETURNING id

-- name: carrier.update
UPDATE carriers
SET code = :code, name = :name, track_key = :track_key, country = :country, homepage = :homepage, updated_at = :now
WHERE id = :id

-- name: carrier.search
SELECT * FROM carriers
WHERE :pattern IS NULL OR lower(code) LIKE :pattern OR lower(name) LIKE :pattern
ORDER BY code
LIMIT :limit OFFSET :offset

-- name: carrier.count
SELECT COUNT(*) AS n FROM carriers
WHERE :pattern IS NULL OR lower(code) LIKE :pattern OR lower(name) LIKE :pattern

-- name: order.insert-if-absent
INSERT INTO orders (shop_id, external_id, created_at, updated_at)
VALUES (:shop_id, :external_id, :now, :now)
ON CONFLICT (shop_id, external_id) DO NOTHING

-- name: order.find-by-external
SELECT * FROM orders WHERE shop_id = :shop_id AND external_id = :external_id

-- name: order.find
SELECT * FROM orders WHERE id = :id

-- name: order.list
SELECT * FROM orders
WHERE (:shop_id IS NULL OR shop_id = :shop_id)
  AND (:created_from IS NULL OR created_at >= :created_from)
  AND (:created_to IS NULL OR created_at < :created_to)
ORDER BY created_at DESC, id DESC
LIMIT :limit OFFSET :offset

-- name: order.count
SELECT COUNT(*) AS n FROM orders
WHERE (:shop_id IS NULL OR shop_id = :shop_id)
  AND (:created_from IS NULL OR created_at >= :created_from)
  AND (:created_to IS NULL OR created_at < :created_to)

-- name: parcel.insert-if-absent
INSERT INTO parcels (order_id, parcel_no, created_at, updated_at)
VALUES (:order_id, :parcel_no, :now, :now)
ON CONFLICT (order_id, parcel_no) DO NOTHING

-- name: parcel.find-by-no
SELECT * FROM parcels WHERE order_id = :order_id AND parcel_no = :parcel_no

-- name: parcel.find
SELECT * FROM parcels WHERE id = :id

-- name: parcel.list-by-order
SELECT * FROM parcels WHERE order_id = :order_id ORDER BY id

-- Every insert of a tracking number, as a JDBC batch; tracking.index-new follows in the same transaction.
-- name: tracking.insert-batch
INSERT INTO tracking_numbers (shop_id, order_id, parcel_id, number, carrier_id, carrier_key, source, shipped_at,
                              delivered_at, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (shop_id, number) DO NOTHING

-- The newest id before a transaction inserts: rows above it are the transaction's own (IMMEDIATE
-- transactions hold the write lock from the start).
-- name: tracking.last-id
SELECT COALESCE(MAX(id), 0) AS id FROM tracking_numbers

-- Adds the rows inserted after tracking.last-id to the keyword index, in the inserting transaction.
-- name: tracking.index-new
INSERT INTO tracking_numbers_fts (rowid, number) SELECT id, number FROM tracking_numbers WHERE id > ?

-- Whether rows above the newest indexed one are missing from the keyword index: rows inserted
-- without tracking.index-new, by a binary from before migration V3 (it relied on the dropped trigger)
-- run against this database after a rollback. fts5's row-size table lists the rows the index holds.
-- name: tracking.unindexed-tail
SELECT EXISTS (SELECT 1 FROM tracking_numbers
               WHERE id > (SELECT COALESCE(MAX(id), 0) FROM tracking_numbers_fts_docsize)) AS missing

-- Adds those rows to the keyword index.
-- name: tracking.index-tail
INSERT INTO tracking_numbers_fts (rowid, number)
SELECT id, number FROM tracking_numbers WHERE id > (SELECT COALESCE(MAX(id), 0) FROM tracking_numbers_fts_docsize)

-- Adds every row missing from the keyword index, wherever it lies: one pass over all rows, for
-- trackctl db migrate (opening the store only looks above the newest indexed row).
-- name: tracking.index-missing
INSERT INTO tracking_numbers_fts (rowid, number)
SELECT id, number FROM tracking_numbers t
WHERE NOT EXISTS (SELECT 1 FROM tracking_numbers_fts_docsize d WHERE d.id = t.id)

-- The rows the transaction inserted after reading tracking.last-id.
-- name: tracking.inserted-ids
SELECT id, shop_id, number FROM tracking_numbers WHERE id > ?

-- The rows of a list of numbers (a JSON array of texts), whichever shop holds them.
-- name: tracking.find-by-numbers
SELECT * FROM tracking_numbers WHERE number IN (SELECT value FROM json_each(?))

-- name: tracking.find
SELECT * FROM tracking_numbers WHERE id = :id

-- Read before applying a snapshot; on PostgreSQL the row stays locked until the apply commits.
-- name: tracking.lock-state
SELECT * FROM tracking_numbers WHERE id = :id

-- name: tracking.find-by-number
SELECT * FROM tracking_numbers WHERE number = :number ORDER BY id

-- name: tracking.list
SELECT * FROM tracking_numbers
WHERE (:shop_id IS NULL OR shop_id = :shop_id)
  AND (:status IS NULL OR track_status = :status)
  AND (:like IS NULL OR number LIKE :like)
  AND (:updated_from IS NULL OR updated_at >= :updated_from)
  AND (:updated_to IS NULL OR updated_at < :updated_to)
ORDER BY updated_at DESC, id DESC
LIMIT :limit OFFSET :offset

-- name: tracking.count
SELECT COUNT(*) AS n FROM tracking_numbers
WHERE (:shop_id IS NULL OR shop_id = :shop_id)
  AND (:status IS NULL OR track_status = :status)
  AND (:like IS NULL OR number LIKE :like)
  AND (:updated_from IS NULL OR updated_at >= :updated_from)
  AND (:updated_to IS NULL OR updated_at < :updated_to)

-- Keyword of 3 characters or more: answered from the trigram index.
-- name: tracking.search
SELECT * FROM tracking_numbers
WHERE id IN (SELECT rowid FROM tracking_numbers_fts WHERE tracking_numbers_fts MATCH :match)
  AND (:shop_id IS NULL OR shop_id = :shop_id)
  AND (:status IS NULL OR track_status = :status)
  AND (:updated_from IS NULL OR updated_at >= :updated_from)
  AND (:updated_to IS NULL OR updated_at < :updated_to)
ORDER BY updated_at DESC, id DESC
LIMIT :limit OFFSET :offset

-- name: tracking.search-count
SELECT COUNT(*) AS n FROM tracking_numbers
WHERE id IN (SELECT rowid FROM tracking_numbers_fts WHERE tracking_numbers_fts MATCH :match)
  AND (:shop_id IS NULL OR shop_id = :shop_id)
  AND (:status IS NULL OR track_status = :status)
  AND (:updated_from IS NULL OR updated_at >= :updated_from)
  AND (:updated_to IS NULL OR updated_at < :updated_to)

-- name: tracking.delete
DELETE FROM tracking_numbers WHERE id = :id AND (:shop_id IS NULL OR shop_id = :shop_id)

-- name: tracking.mark-registration
UPDATE tracking_numbers
SET registration_state = :state, registration_error = :error, updated_at = :now
WHERE id = :id

-- name: tracking.mark-synced
UPDATE tracking_numbers SET last_sync_at = :at WHERE id = :id

-- name: tracking.due-for-sync
SELECT * FROM tracking_numbers
WHERE tracking_stopped = FALSE
  AND track_status NOT IN ('DELIVERED', 'EXPIRED')
  AND registration_state IN ('PENDING', 'REGISTERED')
  AND (last_sync_at IS NULL OR last_sync_at < :before)
ORDER BY last_sync_at ASC NULLS FIRST, id
LIMIT :limit

-- The rank check makes the status move only with a snapshot at least as new as the stored one.
-- name: tracking.apply-status
UPDATE tracking_numbers
SET track_status = :track_status, sub_status = :sub_status, raw_status = :raw_status,
    latest_event_at = :latest_event_at, latest_event_text = :latest_event_text,
    latest_event_location = :latest_event_location, delivered_at = :delivered_at,
    providers_hash = :providers_hash, snapshot_rank = :rank, last_sync_at = :synced_at, updated_at = :now
WHERE id = :id AND (snapshot_rank IS NULL OR snapshot_rank <= :rank)

-- name: tracking.touch-sync
UPDATE tracking_numbers SET last_sync_at = :synced_at WHERE id = :id

-- name: tracking.mark-stopped
UPDATE tracking_numbers SET tracking_stopped = TRUE, last_sync_at = :at, updated_at = :at WHERE id = :id

-- name: event.insert-if-absent
INSERT INTO tracking_events (tracking_id, time_utc, time_local, description, location, stage, sub_status,
                             provider_key, content_hash, created_at, updated_at)
VALUES (:tracking_id, :time_utc, :time_local, :description, :location, :stage, :sub_status,
        :provider_key, :content_hash, :now, :now)
ON CONFLICT (tracking_id, time_utc, provider_key, content_hash) DO NOTHING

-- name: event.list
SELECT * FROM tracking_events WHERE tracking_id = :tracking_id
ORDER BY time_utc DESC, id DESC
LIMIT :limit OFFSET :offset

-- name: event.count
SELECT COUNT(*) AS n FROM tracking_events WHERE tracking_id = :tracking_id

-- name: import.insert
INSERT INTO import_jobs (shop_id, source, file_name, stored_path, status, created_at, updated_at)
VALUES (:shop_id, :source, :file_name, :stored_path, 'PENDING', :now, :now)
RETURNING id

-- name: import.find
SELECT * FROM import_jobs WHERE id = :id

-- name: import.start
UPDATE import_jobs SET status = 'RUNNING', started_at = :now, updated_at = :now WHERE id = :id

-- name: import.progress
UPDATE import_jobs
SET total = :total, processed = :processed, succeeded = :succeeded, failed = :failed, duplicate = :duplicate,
    updated_at = :now
WHERE id = :id

-- name: import.finish
UPDATE import_jobs SET status = :status, error = :error, finished_at = :now, updated_at = :now WHERE id = :id

-- name: import.unfinished
SELECT * FROM import_jobs WHERE status IN ('PENDING', 'RUNNING') ORDER BY id

-- name: import-error.insert
INSERT INTO import_row_errors (job_id, line_number, raw_line, reason, created_at, updated_at)
VALUES (:job_id, :line_number, :raw_line, :reason, :now, :now)

-- name: import-error.list
SELECT * FROM import_row_errors WHERE job_id = :job_id ORDER BY line_number, id
LIMIT :limit OFFSET :offset

-- name: import-error.count
SELECT COUNT(*) AS n FROM import_row_errors WHERE job_id = :job_id

-- name: job.insert
INSERT INTO sync_jobs (kind, job_trigger, status, tracking_id, ref_id, attempts, max_attempts, next_attempt_at,
                       created_at, updated_at)
VALUES (:kind, :job_trigger, 'PENDING', :tracking_id, :ref_id, 0, :max_attempts, :next_attempt_at, :now, :now)
RETURNING id

-- Runnable: pending and due, or running with an expired lease (its worker is gone).
-- Each kind's pending jobs are one range of sync_jobs_claim_idx, read in claim order up to :max;
-- a null kind slot matches nothing. Lease-expired jobs are few (at most what workers hold) and
-- are picked by their own index. With one OR condition, or one IN list over the kinds, SQLite
-- sorted every runnable row on each claim, or read other kinds' backlog to skip it.
-- name: job.claim
UPDATE sync_jobs
SET status = 'RUNNING', locked_by = :worker, locked_until = :until, attempts = attempts + 1, updated_at = :now
WHERE id IN (SELECT id FROM (
                 SELECT * FROM (SELECT id, next_attempt_at FROM sync_jobs
                                WHERE status = 'PENDING' AND kind = :k1 AND next_attempt_at <= :now
                                ORDER BY next_attempt_at, id LIMIT :max)
                 UNION ALL
                 SELECT * FROM (SELECT id, next_attempt_at FROM sync_jobs
                                WHERE status = 'PENDING' AND kind = :k2 AND next_attempt_at <= :now
                                ORDER BY next_attempt_at, id LIMIT :max)
                 UNION ALL
                 SELECT * FROM (SELECT id, next_attempt_at FROM sync_jobs
                                WHERE status = 'PENDING' AND kind = :k3 AND next_attempt_at <= :now
                                ORDER BY next_attempt_at, id LIMIT :max)
                 UNION ALL
                 SELECT * FROM (SELECT id, next_attempt_at FROM sync_jobs
                                WHERE status = 'PENDING' AND kind = :k4 AND next_attempt_at <= :now
                                ORDER BY next_attempt_at, id LIMIT :max)
                 UNION ALL
                 SELECT * FROM (SELECT id, next_attempt_at FROM sync_jobs
                                WHERE status = 'RUNNING' AND locked_until < :now
                                  AND kind IN (:k1, :k2, :k3, :k4)
                                ORDER BY next_attempt_at, id LIMIT :max))
             ORDER BY next_attempt_at, id
             LIMIT :max)
RETURNING *

-- Runnable jobs among the given ids (a JSON array of numbers), one attempt each.
-- name: job.claim-ids
UPDATE sync_jobs
SET status = 'RUNNING', locked_by = :worker, locked_until = :until, attempts = attempts + 1, updated_at = :now
WHERE id IN (SELECT value FROM json_each(:ids))
  AND ((status = 'PENDING' AND next_attempt_at <= :now)
    OR (status = 'RUNNING' AND locked_until < :now))
RETURNING *

-- Runnable jobs nobody has touched since :stale: pending and due since then, or with a lease that
-- ran out by then. A queue that hands out job ids elsewhere publishes these again. Every kind is
-- in a slot (:k1..:k4), so each is one range of sync_jobs_claim_idx, like job.claim.
-- name: job.stale-runnable
SELECT id, kind FROM (
SELECT * FROM (SELECT id, kind, next_attempt_at FROM sync_jobs
               WHERE status = 'PENDING' AND kind = :k1 AND next_attempt_at <= :stale AND updated_at <= :stale
               ORDER BY next_attempt_at, id LIMIT :max)
UNION ALL
SELECT * FROM (SELECT id, kind, next_attempt_at FROM sync_jobs
               WHERE status = 'PENDING' AND kind = :k2 AND next_attempt_at <= :stale AND updated_at <= :stale
               ORDER BY next_attempt_at, id LIMIT :max)
UNION ALL
SELECT * FROM (SELECT id, kind, next_attempt_at FROM sync_jobs
               WHERE status = 'PENDING' AND kind = :k3 AND next_attempt_at <= :stale AND updated_at <= :stale
               ORDER BY next_attempt_at, id LIMIT :max)
UNION ALL
SELECT * FROM (SELECT id, kind, next_attempt_at FROM sync_jobs
               WHERE status = 'PENDING' AND kind = :k4 AND next_attempt_at <= :stale AND updated_at <= :stale
               ORDER BY next_attempt_at, id LIMIT :max)
UNION ALL
SELECT * FROM (SELECT id, kind, next_attempt_at FROM sync_jobs
               WHERE status = 'RUNNING' AND kind IN (:k1, :k2, :k3, :k4) AND locked_until <= :stale
               ORDER BY next_attempt_at, id LIMIT :max)) AS stale
ORDER BY next_attempt_at, id
LIMIT :max

-- name: job.succeeded
UPDATE sync_jobs
SET status = 'SUCCEEDED', locked_by = NULL, locked_until = NULL, finished_at = :now, updated_at = :now
WHERE id = :id AND status = 'RUNNING' AND attempts = :attempts

-- name: job.retry
UPDATE sync_jobs
SET status = 'PENDING', next_attempt_at = :at, last_error = :error, locked_by = NULL, locked_until = NULL,
    updated_at = :now
WHERE id = :id AND status = 'RUNNING' AND attempts = :attempts
RETURNING id, kind

-- name: job.failed
UPDATE sync_jobs
SET status = 'FAILED', last_error = :error, locked_by = NULL, locked_until = NULL, finished_at = :now,
    updated_at = :now
WHERE id = :id AND status = 'RUNNING' AND attempts = :attempts

-- name: job.extend-lease
UPDATE sync_jobs SET locked_until = :until, updated_at = :now
WHERE id = :id AND status = 'RUNNING' AND attempts = :attempts

-- name: job.requeue
UPDATE sync_jobs
SET status = 'PENDING', attempts = 0, next_attempt_at = :now, locked_by = NULL, locked_until = NULL,
    finished_at = NULL, updated_at = :now
WHERE id = :id AND status = 'FAILED'
RETURNING id, kind

-- name: job.find
SELECT * FROM sync_jobs WHERE id = :id

-- name: job.list
SELECT * FROM sync_jobs
WHERE (:tracking_id IS NULL OR tracking_id = :tracking_id)
  AND (:status IS NULL OR status = :status)
  AND (:kind IS NULL OR kind = :kind)
  AND (:shop_id IS NULL OR tracking_id IN (SELECT id FROM tracking_numbers WHERE shop_id = :shop_id))
ORDER BY id DESC
LIMIT :limit OFFSET :offset

-- name: job.count
SELECT COUNT(*) AS n FROM sync_jobs
WHERE (:tracking_id IS NULL OR tracking_id = :tracking_id)
  AND (:status IS NULL OR status = :status)
  AND (:kind IS NULL OR kind = :kind)
  AND (:shop_id IS NULL OR tracking_id IN (SELECT id FROM tracking_numbers WHERE shop_id = :shop_id))

-- name: job.stats
SELECT COALESCE(SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END), 0) AS pending,
       COALESCE(SUM(CASE WHEN status = 'RUNNING' THEN 1 ELSE 0 END), 0) AS running,
       COALESCE(SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END), 0) AS failed,
       MIN(CASE WHEN status = 'PENDING' AND next_attempt_at <= :now THEN next_attempt_at END) AS oldest_pending
FROM sync_jobs

-- name: webhook.insert
INSERT INTO tracking_webhook_logs (received_at, remote_address, verdict, event_type, number, carrier, dedupe_key,
                                   outcome, body, body_truncated, error, created_at, updated_at)
VALUES (:received_at, :remote_address, :verdict, :event_type, :number, :carrier, :dedupe_key,
        :outcome, :body, :body_truncated, :error, :now, :now)
RETURNING id

-- The delivery that claims its dedupe key: logged as accepted, or not at all (no row returned)
-- when another row already holds the claim (webhook_logs_claim_uq; migration V5).
-- name: webhook.insert-claiming
INSERT INTO tracking_webhook_logs (received_at, remote_address, verdict, event_type, number, carrier, dedupe_key,
                                   dedupe_claimed, outcome, body, body_truncated, error, created_at, updated_at)
VALUES (:received_at, :remote_address, :verdict, :event_type, :number, :carrier, :dedupe_key,
        1, :outcome, :body, :body_truncated, :error, :now, :now)
ON CONFLICT (number, dedupe_key, dedupe_claimed) DO NOTHING
RETURNING id

-- name: webhook.set-outcome
UPDATE tracking_webhook_logs
SET outcome = :outcome, error = :error, processed_at = :processed_at, updated_at = :now
WHERE id = :id

-- name: webhook.find
SELECT * FROM tracking_webhook_logs WHERE id = :id

-- Deliveries are listed newest first through one of three statements, chosen by the filters given,
-- because SQLite uses no index for a filter written "(:x IS NULL OR x = :x)":
-- by number (the number leads webhook_logs_claim_uq), by an outcome an operator looks for
-- (webhook_logs_attention_idx, which holds only those; migration V7), or through received_at.
-- name: webhook.list
SELECT * FROM tracking_webhook_logs
WHERE (:outcome IS NULL OR outcome = :outcome)
  AND (:received_from IS NULL OR received_at >= :received_from)
  AND (:received_to IS NULL OR received_at < :received_to)
ORDER BY received_at DESC, id DESC
LIMIT :limit OFFSET :offset

-- name: webhook.count
SELECT COUNT(*) AS n FROM tracking_webhook_logs
WHERE (:outcome IS NULL OR outcome = :outcome)
  AND (:received_from IS NULL OR received_at >= :received_from)
  AND (:received_to IS NULL OR received_at < :received_to)

-- name: webhook.list-by-number
SELECT * FROM tracking_webhook_logs
WHERE number = :number
  AND (:outcome IS NULL OR outcome = :outcome)
  AND (:received_from IS NULL OR received_at >= :received_from)
  AND (:received_to IS NULL OR received_at < :received_to)
ORDER BY received_at DESC, id DESC
LIMIT :limit OFFSET :offset

-- name: webhook.count-by-number
SELECT COUNT(*) AS n FROM tracking_webhook_logs
WHERE number = :number
  AND (:outcome IS NULL OR outcome = :outcome)
  AND (:received_from IS NULL OR received_at >= :received_from)
  AND (:received_to IS NULL OR received_at < :received_to)

-- The IN list repeats the index's own condition word for word, which is what lets the planner use it.
-- name: webhook.list-attention
SELECT * FROM tracking_webhook_logs
WHERE outcome = :outcome AND outcome IN ('FAILED', 'REJECTED', 'UNKNOWN_NUMBER')
  AND (:received_from IS NULL OR received_at >= :received_from)
  AND (:received_to IS NULL OR received_at < :received_to)
ORDER BY received_at DESC, id DESC
LIMIT :limit OFFSET :offset

-- name: webhook.count-attention
SELECT COUNT(*) AS n FROM tracking_webhook_logs
WHERE outcome = :outcome AND outcome IN ('FAILED', 'REJECTED', 'UNKNOWN_NUMBER')
  AND (:received_from IS NULL OR received_at >= :received_from)
  AND (:received_to IS NULL OR received_at < :received_to)

-- name: alert.insert
INSERT INTO alerts (kind, message, job_id, created_at, updated_at)
VALUES (:kind, :message, :job_id, :now, :now)
RETURNING id

-- name: alert.list
SELECT * FROM alerts ORDER BY created_at DESC, id DESC
LIMIT :limit OFFSET :offset

-- name: alert.count
SELECT COUNT(*) AS n FROM alerts
