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
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The job queue on the database. Jobs are rows; a claim is one UPDATE that takes runnable rows
 * (pending and due, or running with an expired lease), on PostgreSQL with {@code FOR UPDATE SKIP
 * LOCKED} so that concurrent claimers never take the same row. A waiting claim is woken at once by
 * {@link #enqueue} or {@link #signal} in this process, and otherwise looks again every
 * {@link #POLL_INTERVAL} for work that became due or was enqueued elsewhere.
 *
 * <p>Another queue adapter (Redis Streams) keeps its job state here: it listens for jobs that
 * became pending ({@link #onPending}), claims the job ids it was handed ({@link #claimIds}) and
 * looks for runnable jobs it may have lost ({@link #staleRunnable}).
 */
public final class SqlJobQueue implements JobQueue, AutoCloseable {

    static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int KIND_SLOTS = 4;
    private static final System.Logger LOG = System.getLogger(SqlJobQueue.class.getName());

    /** A job that became pending (enqueued, retried or requeued), due at {@code dueAt}. */
    public record Pending(long id, JobKind kind, Instant dueAt) {
    }

    /** A runnable job by id and kind. */
    public record JobRef(long id, JobKind kind) {
    }

    private final Db db;
    private final ReentrantLock lock = new ReentrantLock();
    /**
     * One condition per set of kinds claimed together (a worker pool's kinds): an announcement
     * wakes only the claims waiting for one of its kinds, so the webhook intake, which announces
     * every push, does not wake the import worker thousands of times a second. Guarded by {@link #lock}.
     */
    private final Map<Set<JobKind>, Condition> work = new HashMap<>();
    /**
     * How often jobs of each kind (by ordinal) were announced; a waiting claim wakes only for its
     * own kinds, so a burst of webhook jobs does not send an idle import worker to the database.
     */
    private final long[] generations = new long[JobKind.values().length];
    private volatile boolean closed;
    private final List<Consumer<List<Pending>>> listeners = new CopyOnWriteArrayList<>();

    public SqlJobQueue(Db db) {
        this.db = db;
    }

    @Override
    public List<Long> enqueue(Collection<NewJob> jobs) {
        List<Pending> pending = db.tx(x -> insert(x, jobs));
        announce(pending);
        return pending.stream().map(Pending::id).toList();
    }

    /** Inserts jobs inside a caller's transaction; the caller {@linkplain #announce announces} them after commit. */
    List<Pending> insert(Db.Exec x, Collection<NewJob> jobs) {
        Instant now = db.now();
        List<Pending> inserted = new ArrayList<>(jobs.size());
        for (NewJob j : jobs) {
            Instant due = j.runAt() == null ? now : j.runAt();
            long id = x.insertReturningId("job.insert", db.params().put("kind", j.kind()).put("job_trigger", j.trigger())
                    .put("tracking_id", j.trackingId()).put("ref_id", j.refId()).put("max_attempts", j.maxAttempts())
                    .put("next_attempt_at", due).put("now", now)).orElseThrow();
            inserted.add(new Pending(id, j.kind(), due));
        }
        return inserted;
    }

    /**
     * Tells waiting claims and listeners that these committed jobs are pending. A listener that
     * throws is logged and skipped: the jobs are stored, and must not look as if they were not.
     */
    void announce(List<Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        signal(pending.stream().map(Pending::kind).collect(Collectors.toSet()));
        for (Consumer<List<Pending>> listener : listeners) {
            try {
                listener.accept(pending);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a job queue listener failed on " + pending.size()
                        + " pending job(s); they stay stored: " + e);
            }
        }
    }

    /**
     * Calls {@code listener} after every commit that made jobs pending (enqueue, retry, requeue,
     * webhook intake). Returns what removes the listener again.
     */
    public Runnable onPending(Consumer<List<Pending>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The store's clock, truncated as stored. */
    public Instant now() {
        return db.now();
    }

    /**
     * Claims those of {@code ids} that are runnable (pending and due, or running with an expired
     * lease) for {@code workerId}; each claimed job counts one attempt. Ids not runnable, or held
     * by a concurrent claim, are left out.
     */
    public List<SyncJob> claimIds(Collection<Long> ids, String workerId, Duration lease) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = db.now();
        String json = ids.stream().distinct().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
        Params p = db.params().put("worker", workerId).put("until", now.plus(lease)).put("now", now).put("ids", json);
        List<SyncJob> jobs = new ArrayList<>(db.tx(x -> x.query("job.claim-ids", p, Mappers::job)));
        jobs.sort(Comparator.comparing(SyncJob::nextAttemptAt).thenComparing(SyncJob::id));
        return jobs;
    }

    /**
     * Up to {@code max} runnable jobs untouched for at least {@code idle}: pending and due that
     * long, or with a lease that ran out that long ago; oldest first.
     */
    public List<JobRef> staleRunnable(Duration idle, int max) {
        // Every kind takes a slot; a fifth kind would make this throw, and JobQueueContract with it.
        Params p = kindSlots(db.params().put("stale", db.now().minus(idle)).put("max", (long) max),
                List.of(JobKind.values()));
        return db.read(x -> x.query("job.stale-runnable", p,
                r -> new JobRef(r.lng("id"), r.enumOf(JobKind.class, "kind"))));
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
                seen = generation(kinds);
            } finally {
                lock.unlock();
            }
            List<SyncJob> claimed = claimNow(kinds, max, workerId, lease);
            long remaining = deadline - System.nanoTime();
            if (!claimed.isEmpty() || remaining <= 0 || closed || Thread.currentThread().isInterrupted()) {
                return claimed;
            }
            awaitWork(kinds, seen, Math.min(remaining, POLL_INTERVAL.toNanos()));
        }
    }

    private void awaitWork(Collection<JobKind> kinds, long seen, long nanos) {
        lock.lock();
        try {
            Condition mine = work.computeIfAbsent(EnumSet.copyOf(kinds), k -> lock.newCondition());
            long left = nanos;
            while (generation(kinds) == seen && left > 0 && !closed) {
                left = mine.awaitNanos(left);
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
        kindSlots(p, kinds);
        List<SyncJob> jobs = new ArrayList<>(db.tx(x -> x.query("job.claim", p, Mappers::job)));
        jobs.sort(Comparator.comparing(SyncJob::nextAttemptAt).thenComparing(SyncJob::id));
        return jobs;
    }

    /** Binds the kinds to the statement's slots {@code :k1..:k4}; an empty slot matches nothing. */
    private static Params kindSlots(Params p, Collection<JobKind> kinds) {
        List<JobKind> list = List.copyOf(new java.util.LinkedHashSet<>(kinds));
        if (list.size() > KIND_SLOTS) {
            // The statements have this many kind slots; a kind beyond them would never be read.
            throw new IllegalArgumentException("at most " + KIND_SLOTS + " job kinds fit a statement, got " + list);
        }
        for (int i = 0; i < KIND_SLOTS; i++) {
            p.put("k" + (i + 1), i < list.size() ? list.get(i) : null);
        }
        return p;
    }

    @Override
    public boolean succeeded(SyncJob claimed) {
        return db.write(x -> x.dml("job.succeeded", fence(claimed).put("now", db.now()))) > 0;
    }

    /** One transaction for all of them, each statement prepared once. */
    @Override
    public List<SyncJob> succeededAll(List<SyncJob> claimed) {
        return db.batch(x -> {
            Instant now = db.now();
            List<SyncJob> lost = new ArrayList<>();
            for (SyncJob job : claimed) {
                if (x.dml("job.succeeded", fence(job).put("now", now)) == 0) {
                    lost.add(job);
                }
            }
            return lost;
        });
    }

    @Override
    public boolean retryAt(SyncJob claimed, Instant at, String error) {
        List<Pending> retried = db.write(x -> x.query("job.retry", fence(claimed).put("at", at)
                .put("error", error).put("now", db.now()), r -> new Pending(r.lng("id"), r.enumOf(JobKind.class, "kind"),
                Dialect.truncate(at))));
        announce(retried);
        return !retried.isEmpty();
    }

    @Override
    public boolean failed(SyncJob claimed, String error) {
        return db.write(x -> x.dml("job.failed", fence(claimed).put("error", error).put("now", db.now()))) > 0;
    }

    @Override
    public boolean extendLease(SyncJob claimed, Duration lease) {
        Instant now = db.now();
        return db.write(x -> x.dml("job.extend-lease", fence(claimed).put("until", now.plus(lease)).put("now", now))) > 0;
    }

    /** The parameters that name one claim of a job: its id and the attempt the claim counted. */
    private Params fence(SyncJob claimed) {
        return db.params().put("id", claimed.id()).put("attempts", (long) claimed.attempts());
    }

    @Override
    public int requeue(Collection<Long> jobIds) {
        Instant now = db.now();
        List<Pending> requeued = db.tx(x -> {
            List<Pending> done = new ArrayList<>();
            for (Long id : jobIds) {
                x.get("job.requeue", db.params().put("id", id).put("now", now))
                        .ifPresent(r -> done.add(new Pending(r.lng("id"), r.enumOf(JobKind.class, "kind"), now)));
            }
            return done;
        });
        announce(requeued);
        return requeued.size();
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
            Row r = x.get("job.stats", db.params().put("now", db.now())).orElseThrow();
            Instant oldest = r.time("oldest_pending");
            Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest, db.now());
            return new QueueStats(r.lng("pending"), r.lng("running"), r.lng("failed"),
                    age.isNegative() ? Duration.ZERO : age);
        });
    }

    /** Guarded by {@link #lock}. */
    private long generation(Collection<JobKind> kinds) {
        long sum = 0;
        for (JobKind k : kinds) {
            sum += generations[k.ordinal()];
        }
        return sum;
    }

    @Override
    public void signal() {
        signal(List.of(JobKind.values()));
    }

    @Override
    public void signal(JobKind kind) {
        signal(List.of(kind));
    }

    private void signal(Collection<JobKind> kinds) {
        lock.lock();
        try {
            for (JobKind k : kinds) {
                generations[k.ordinal()]++;
            }
            work.forEach((waiting, condition) -> {
                if (!Collections.disjoint(waiting, kinds)) {
                    condition.signalAll();
                }
            });
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
