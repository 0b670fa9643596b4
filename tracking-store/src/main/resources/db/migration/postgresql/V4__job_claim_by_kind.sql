-- A worker claims only its own kinds (see the SQLite V4): with the kind in the index, a claim for
-- one kind reads that kind's due jobs in claim order instead of filtering every pending row.
CREATE INDEX sync_jobs_claim_idx ON sync_jobs (status, kind, next_attempt_at);
