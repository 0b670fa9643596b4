package io.trackctl.core.port;

import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.NewJob;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.QueueStats;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.model.SyncJobQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The job queue. The database always holds job state; adapters differ in how workers learn of
 * work and claim it (database rows with leases, or Redis Streams with a consumer group).
 */
public interface JobQueue {

    List<Long> enqueue(Collection<NewJob> jobs);

    /**
     * Claims up to {@code max} runnable jobs of the given kinds for {@code workerId}, leased until
     * {@code now + lease}. Waits at most {@code wait} when none is ready. No job is claimed twice
     * while its lease runs.
     */
    List<SyncJob> claim(Collection<JobKind> kinds, int max, String workerId, Duration lease, Duration wait);

    /*
     * The results below are fenced by the claim: they apply only while the job is still running
     * under that claim (same attempt). A worker whose lease ran out and whose job was claimed again
     * gets false, and its result is dropped instead of overwriting the new owner's.
     */

    /** The claimed job succeeded; false when the claim was lost. */
    boolean succeeded(SyncJob claimed);

    /**
     * Several claimed jobs succeeded, recorded together where the store can (one transaction);
     * returns the ones whose claim was lost.
     */
    default List<SyncJob> succeededAll(List<SyncJob> claimed) {
        List<SyncJob> lost = new ArrayList<>();
        for (SyncJob job : claimed) {
            if (!succeeded(job)) {
                lost.add(job);
            }
        }
        return lost;
    }

    /** A failed attempt that will be tried again at {@code at}; false when the claim was lost. */
    boolean retryAt(SyncJob claimed, Instant at, String error);

    /** The claimed job failed for good; false when the claim was lost. */
    boolean failed(SyncJob claimed, String error);

    /** Extends the lease of a job still held under this claim (long work heartbeats); false when lost. */
    boolean extendLease(SyncJob claimed, Duration lease);

    /** Puts failed jobs back to pending with a fresh attempt budget; returns how many. */
    int requeue(Collection<Long> jobIds);

    Optional<SyncJob> findJob(long id);

    Page<SyncJob> listJobs(SyncJobQuery query, PageRequest page);

    QueueStats queueStats();

    /** Wakes waiting workers at once (after an enqueue from another path). */
    void signal();

    /** Wakes the workers waiting for jobs of this kind; by default, every waiting worker. */
    default void signal(JobKind kind) {
        signal();
    }
}
