-- Every query on job state now reads sync_jobs_claim_idx (status, kind, next_attempt_at), added in
-- V4: the claim per kind, the claim of jobs whose lease ran out (status RUNNING, a few rows per
-- kind), and the search for stale jobs (job.stale-runnable, one range per kind). The two older
-- indexes led by the status were kept up on every insert and on every change of status or lease,
-- two and three times per job, and read by nothing the claim index does not answer.
DROP INDEX sync_jobs_runnable_idx;
DROP INDEX sync_jobs_lease_idx;
