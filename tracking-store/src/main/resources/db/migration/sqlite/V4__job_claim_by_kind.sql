-- A worker claims only its own kinds. With the kind outside the index, a claim walked every pending
-- row of other kinds before it found its own: the import worker, looking for imports every 250 ms,
-- read the whole webhook backlog each time and held the writer meanwhile. With the kind in the
-- index each kind's due jobs are one range, already in claim order.
CREATE INDEX sync_jobs_claim_idx ON sync_jobs (status, kind, next_attempt_at);
