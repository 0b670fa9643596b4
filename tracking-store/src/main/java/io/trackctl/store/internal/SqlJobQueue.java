package io.trackctl.store.internal;

import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.NewJob;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.QueueStats;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.model.SyncJobQuery;
import io.trackctl.core.port.JobQueue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The job queue on the database. Jobs are rows; a claim is one UPDATE that takes runnable rows
 * (pending and due, or running with an expired lease), on PostgreSQL with {@code FOR UPDATE SKIP
 * LOCKED} so that concurrent claimers never take the same row. A waiting claim is woken at once by
 * {@link #enqueue} or {@link #signal} in this process, and otherwise looks again every
 * {@link #POLL_INTERVAL} for work that became due or was enqueued elsewhere.
 */
public final class SqlJobQueue implements JobQueue, AutoCloseable {

    static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int KIND_SLOTS = 4;

    private final Db db;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private long generation;
    private volatile boolean closed;

    public SqlJobQueue(Db db) {
        this.db = db;
    }

    @Override
    public List<Long> enqueue(Collection<NewJob> jobs) {
        List<Long> ids = db.tx(x -> insert(x, jobs));
        signal();
        return ids;
    }

    /** Inserts jobs inside a caller's transaction; the caller signals after commit. */
    List<Long> insert(Db.Exec x, Collection<NewJob> jobs) {
        Instant now = db.now();
        List<Long> ids = new ArrayList<>(jobs.size());
        for (NewJob j : jobs) {
            ids.add(x.insertReturningId("job.insert", db.params().put("kind", j.kind()).put("job_trigger", j.trigger())
                    .put("tracking_id", j.trackingId()).put("ref_id", j.refId()).put("max_attempts", j.maxAttempts())
                    .put("next_attempt_at", j.runAt() == null ? now : j.runAt()).put("now", now)).orElseThrow());
        }
        return ids;
    }

    @Override
    public List<SyncJob> claim(Collection<JobKind> kinds, int max, String workerId, Duration lease, Duration wait) {
        if (kinds.isEmpty() || max < 1) {
            return List.of();
        }
        long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
        while (true) {
            long seen;
            lock.lock();
            try {
                seen = generation;
            } finally {
                lock.unlock();
            }
            List<SyncJob> claimed = claimNow(kinds, max, workerId, lease);
            long remaining = deadline - System.nanoTime();
            if (!claimed.isEmpty() || remaining <= 0 || closed || Thread.currentThread().isInterrupted()) {
                return claimed;
            }
            awaitWork(seen, Math.min(remaining, POLL_INTERVAL.toNanos()));
        }
    }

    private void awaitWork(long seen, long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (generation == seen && left > 0 && !closed) {
                left = work.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private List<SyncJob> claimNow(Collection<JobKind> kinds, int max, String workerId, Duration lease) {
        Instant now = db.now();
        Params p = db.params().put("worker", workerId).put("until", now.plus(lease)).put("now", now)
                .put("max", (long) max);
        List<JobKind> list = List.copyOf(new java.util.LinkedHashSet<>(kinds));
        for (int i = 0; i < KIND_SLOTS; i++) {
            p.put("k" + (i + 1), i < list.size() ? list.get(i) : null);
        }
        List<SyncJob> jobs = new ArrayList<>(db.tx(x -> x.query("job.claim", p, Mappers::job)));
        jobs.sort(Comparator.comparing(SyncJob::nextAttemptAt).thenComparing(SyncJob::id));
        return jobs;
    }

    @Override
    public void succeeded(long jobId) {
        db.read(x -> x.dml("job.succeeded", db.params().put("id", jobId).put("now", db.now())));
    }

    @Override
    public void retryAt(long jobId, Instant at, String error) {
        db.read(x -> x.dml("job.retry", db.params().put("id", jobId).put("at", at).put("error", error)
                .put("now", db.now())));
        signal();
    }

    @Override
    public void failed(long jobId, String error) {
        db.read(x -> x.dml("job.failed", db.params().put("id", jobId).put("error", error).put("now", db.now())));
    }

    @Override
    public int requeue(Collection<Long> jobIds) {
        int n = db.tx(x -> {
            int count = 0;
            for (Long id : jobIds) {
                count += (int) x.dml("job.requeue", db.params().put("id", id).put("now", db.now()));
            }
            return count;
        });
        if (n > 0) {
            signal();
        }
        return n;
    }

    @Override
    public Optional<SyncJob> findJob(long id) {
        return db.read(x -> x.get("job.find", db.params().put("id", id), Mappers::job));
    }

    @Override
    public Page<SyncJob> listJobs(SyncJobQuery query, PageRequest page) {
        Params p = db.params().put("tracking_id", query.trackingId()).put("status", query.status())
                .put("kind", query.kind()).put("shop_id", query.shopId());
        return db.read(x -> x.page("job.list", "job.count", p, page, Mappers::job));
    }

    @Override
    public QueueStats queueStats() {
        return db.read(x -> {
            Row r = x.get("job.stats", db.params()).orElseThrow();
            Instant oldest = r.time("oldest_pending");
            Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest, db.now());
            return new QueueStats(r.lng("pending"), r.lng("running"), r.lng("failed"),
                    age.isNegative() ? Duration.ZERO : age);
        });
    }

    @Override
    public void signal() {
        lock.lock();
        try {
            generation++;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiting claim and makes it return at once. */
    @Override
    public void close() {
        closed = true;
        signal();
    }

}
