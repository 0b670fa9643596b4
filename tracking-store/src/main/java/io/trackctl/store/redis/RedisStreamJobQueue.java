package io.trackctl.store.redis;

import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.NewJob;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.QueueStats;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.model.SyncJobQuery;
import io.trackctl.core.port.JobQueue;
import io.trackctl.core.retry.TransientFailureException;
import io.trackctl.store.StoreException;
import io.trackctl.store.internal.SqlJobQueue;
import io.trackctl.store.internal.SqlJobQueue.JobRef;
import io.trackctl.store.internal.SqlJobQueue.Pending;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The job queue on Redis Streams. The database keeps every job's state (attempts, status, errors,
 * listing, stats) through {@link SqlJobQueue}; Redis only carries job ids to workers: one stream
 * per job kind ({@code <prefix>jobs:<KIND>}) read by one consumer group ({@value #GROUP}), the
 * consumer being the worker id. Jobs due later wait in the sorted set {@code <prefix>jobs:delayed}
 * (scored by due time) and are moved to their stream by a script, so that one mover takes each.
 *
 * <p>A stream entry only says "look at job n": the claim itself is an atomic claim of that id in
 * the database, so an entry whose job is finished or held by someone else is acknowledged and
 * dropped, and duplicate entries do no harm. That makes two repairs safe: entries of a consumer
 * that stopped acknowledging are taken over after the lease ({@code XAUTOCLAIM}), and runnable
 * jobs that nobody touched for {@link Options#republishAfter} are published again (by one
 * instance per {@link Options#republishEvery}), which covers a Redis that lost its data and an
 * enqueue whose publication failed after the database commit.
 *
 * <p>Redis being down never loses a job: enqueue, retry and requeue commit to the database and
 * log the failed publication; claim fails fast with a {@link TransientFailureException}.
 * Publication happens for every job made pending on the same {@link SqlJobQueue} (also webhook
 * intake), so create one instance per process and {@linkplain #close close} it when done.
 */
public final class RedisStreamJobQueue implements JobQueue, AutoCloseable {

    /** The consumer group every instance reads with. */
    public static final String GROUP = "trackctl";
    static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    /** Entries are taken over only after a whole lease, so looking for them this often is enough. */
    private static final Duration MAX_TAKEOVER_INTERVAL = Duration.ofSeconds(5);
    private static final String FIELD = "job";
    private static final int MOVE_BATCH = 500;
    private static final System.Logger LOG = System.getLogger(RedisStreamJobQueue.class.getName());

    /** Moves due members ({@code KIND:id}) of the delayed set to their streams; returns how many. */
    private static final String MOVE_DUE = """
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
            for _, member in ipairs(due) do
              redis.call('ZREM', KEYS[1], member)
              local sep = string.find(member, ':', 1, true)
              redis.call('XADD', ARGV[2] .. string.sub(member, 1, sep - 1), '*', 'job', string.sub(member, sep + 1))
            end
            return #due
            """;

    /** Returns 1 (and records the time) when the last re-publication is at least ARGV[2] ms old. */
    private static final String REPUBLISH_TURN = """
            local last = redis.call('GET', KEYS[1])
            if last and tonumber(ARGV[1]) - tonumber(last) < tonumber(ARGV[2]) then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[1])
            return 1
            """;

    private static final String ACK = """
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            return redis.call('XDEL', KEYS[1], ARGV[2])
            """;

    /**
     * How the lost-job repair runs.
     *
     * @param republishEvery at most one re-publication across all instances per this interval
     * @param republishAfter a runnable job untouched this long is published again
     * @param republishBatch at most this many jobs per re-publication
     */
    public record Options(Duration republishEvery, Duration republishAfter, int republishBatch) {

        public Options {
            Objects.requireNonNull(republishEvery, "republishEvery");
            Objects.requireNonNull(republishAfter, "republishAfter");
            if (republishEvery.isNegative() || republishAfter.isNegative() || republishBatch < 1) {
                throw new IllegalArgumentException("republish interval and age must not be negative, batch at least 1");
            }
        }

        /** Every 30 seconds, jobs untouched for a minute, 500 at a time. */
        public static Options defaults() {
            return new Options(Duration.ofSeconds(30), Duration.ofMinutes(1), 500);
        }
    }

    /** One stream entry handed to this instance; {@code jobId} is -1 for an entry without one. */
    private record Delivery(String stream, StreamEntryID entry, long jobId) {
    }

    private final SqlJobQueue jobs;
    private final RedisConnection redis;
    private final Options options;
    private final String delayedKey;
    private final String republishKey;
    private final Set<String> groups = ConcurrentHashMap.newKeySet();
    private final Map<Long, Delivery> inFlight = new ConcurrentHashMap<>();
    private final Map<JobKind, Long> nextTakeover = new ConcurrentHashMap<>();
    private final Runnable unsubscribe;
    private volatile Instant nextRepublishCheck = Instant.MIN;
    private volatile boolean closed;

    /** A queue over {@code jobs}' table, publishing every job it makes pending from now on. */
    public RedisStreamJobQueue(SqlJobQueue jobs, RedisConnection redis, Options options) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.redis = Objects.requireNonNull(redis, "redis");
        this.options = Objects.requireNonNull(options, "options");
        this.delayedKey = redis.key("jobs:delayed");
        this.republishKey = redis.key("jobs:republished-at");
        this.unsubscribe = jobs.onPending(this::publish);
    }

    /** The stream key of a job kind. */
    public String streamKey(JobKind kind) {
        return redis.key("jobs:" + kind.name());
    }

    /** The sorted set of jobs waiting for their time. */
    public String delayedKey() {
        return delayedKey;
    }

    /** Stores the jobs; their ids go to Redis after the commit (see the class notes on failures). */
    @Override
    public List<Long> enqueue(Collection<NewJob> newJobs) {
        return jobs.enqueue(newJobs);
    }

    /**
     * Claims up to {@code max} jobs handed over by Redis: due delayed jobs are moved first, entries
     * idle longer than {@code lease} at other consumers are taken over, then new entries are read,
     * waiting up to {@code wait} for some.
     *
     * @throws TransientFailureException when Redis cannot be reached
     */
    @Override
    public List<SyncJob> claim(Collection<JobKind> kinds, int max, String workerId, Duration lease, Duration wait) {
        if (kinds.isEmpty() || max < 1) {
            return List.of();
        }
        List<JobKind> wanted = List.copyOf(new LinkedHashSet<>(kinds));
        long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
        while (true) {
            long remaining = deadline - System.nanoTime();
            long block = remaining <= 0 ? 0
                    : Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(remaining), POLL_INTERVAL.toMillis()));
            List<SyncJob> claimed = claimOnce(wanted, max, workerId, lease, block);
            if (!claimed.isEmpty() || deadline - System.nanoTime() <= 0 || closed
                    || Thread.currentThread().isInterrupted()) {
                return claimed;
            }
        }
    }

    private List<SyncJob> claimOnce(List<JobKind> kinds, int max, String worker, Duration lease, long blockMillis) {
        try {
            return readAndClaim(kinds, max, worker, lease, blockMillis);
        } catch (JedisDataException e) {
            if (!isNoGroup(e)) {
                throw failure(e);
            }
            // Redis lost the streams (a restart without persistence): make them again and read once more.
            groups.clear();
            try {
                return readAndClaim(kinds, max, worker, lease, blockMillis);
            } catch (JedisException again) {
                throw failure(again);
            }
        } catch (JedisException e) {
            throw failure(e);
        }
    }

    private List<SyncJob> readAndClaim(List<JobKind> kinds, int max, String worker, Duration lease, long blockMillis) {
        Instant now = jobs.now();
        moveDue(now);
        republishIfDue(now);
        ensureGroups(kinds);
        List<Delivery> entries = new ArrayList<>();
        long tick = System.nanoTime();
        long takeoverEvery = Math.min(lease.toNanos() / 2, MAX_TAKEOVER_INTERVAL.toNanos());
        for (JobKind kind : kinds) {
            if (entries.size() >= max) {
                break;
            }
            Long due = nextTakeover.get(kind);
            if (due != null && tick - due < 0) {
                continue;
            }
            nextTakeover.put(kind, tick + takeoverEvery);
            String stream = streamKey(kind);
            Map.Entry<StreamEntryID, List<StreamEntry>> taken = redis.jedis().xautoclaim(stream, GROUP, worker,
                    lease.toMillis(), new StreamEntryID(), XAutoClaimParams.xAutoClaimParams().count(max - entries.size()));
            for (StreamEntry e : taken.getValue()) {
                entries.add(new Delivery(stream, e.getID(), jobId(e)));
            }
        }
        if (entries.size() < max) {
            XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(max - entries.size());
            if (entries.isEmpty() && blockMillis > 0) {
                params.block((int) blockMillis);
            }
            Map<String, StreamEntryID> streams = new LinkedHashMap<>();
            kinds.forEach(k -> streams.put(streamKey(k), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            List<Map.Entry<String, List<StreamEntry>>> read = redis.jedis().xreadGroup(GROUP, worker, params, streams);
            if (read != null) {
                for (Map.Entry<String, List<StreamEntry>> stream : read) {
                    for (StreamEntry e : stream.getValue()) {
                        entries.add(new Delivery(stream.getKey(), e.getID(), jobId(e)));
                    }
                }
            }
        }
        return claimDeliveries(entries, max, worker, lease);
    }

    private List<SyncJob> claimDeliveries(List<Delivery> entries, int max, String worker, Duration lease) {
        if (entries.isEmpty()) {
            return List.of();
        }
        // A read over several streams may bring more than max entries: put the rest back at the tail.
        List<Delivery> keep = entries.subList(0, Math.min(max, entries.size()));
        handBack(entries.subList(keep.size(), entries.size()));
        Set<Long> ids = new LinkedHashSet<>();
        keep.forEach(d -> {
            if (d.jobId() > 0) {
                ids.add(d.jobId());
            }
        });
        List<SyncJob> claimed = jobs.claimIds(ids, worker, lease);
        Set<Long> open = new HashSet<>();
        claimed.forEach(j -> open.add(j.id()));
        for (Delivery d : keep) {
            if (open.remove(d.jobId())) {
                inFlight.put(d.jobId(), d);
            } else {
                // Finished, not due, held by another worker, or a duplicate entry: nothing to run.
                bestEffort("acknowledge a stream entry", () -> ack(d));
            }
        }
        return claimed;
    }

    private void handBack(List<Delivery> excess) {
        for (Delivery d : excess) {
            bestEffort("hand back a stream entry", () -> {
                if (d.jobId() > 0) {
                    redis.jedis().xadd(d.stream(), XAddParams.xAddParams(), Map.of(FIELD, Long.toString(d.jobId())));
                }
                ack(d);
            });
        }
    }

    @Override
    public boolean succeeded(SyncJob claimed) {
        return finish(claimed.id(), jobs.succeeded(claimed));
    }

    /** Records them in one database transaction, then acknowledges the ones still held. */
    @Override
    public List<SyncJob> succeededAll(List<SyncJob> claimed) {
        List<SyncJob> lost = jobs.succeededAll(claimed);
        for (SyncJob job : claimed) {
            finish(job.id(), !lost.contains(job));
        }
        return lost;
    }

    /** Stores the retry; the job goes to the delayed set until {@code at}. */
    @Override
    public boolean retryAt(SyncJob claimed, Instant at, String error) {
        return finish(claimed.id(), jobs.retryAt(claimed, at, error));
    }

    @Override
    public boolean failed(SyncJob claimed, String error) {
        return finish(claimed.id(), jobs.failed(claimed, error));
    }

    @Override
    public boolean extendLease(SyncJob claimed, Duration lease) {
        return jobs.extendLease(claimed, lease);
    }

    @Override
    public int requeue(Collection<Long> jobIds) {
        return jobs.requeue(jobIds);
    }

    @Override
    public Optional<SyncJob> findJob(long id) {
        return jobs.findJob(id);
    }

    @Override
    public Page<SyncJob> listJobs(SyncJobQuery query, PageRequest page) {
        return jobs.listJobs(query, page);
    }

    @Override
    public QueueStats queueStats() {
        return jobs.queueStats();
    }

    /** Only wakes in-process database waiters; a stream entry wakes Redis readers by itself. */
    @Override
    public void signal() {
        jobs.signal();
    }

    @Override
    public void signal(JobKind kind) {
        jobs.signal(kind);
    }

    /** Stops publishing and makes waiting claims return; the Redis connection stays open. */
    @Override
    public void close() {
        closed = true;
        unsubscribe.run();
    }

    /**
     * Acknowledges this instance's stream entry of a job it finished. A claim that was lost (the
     * entry was taken over with the job) leaves the entry to its new owner.
     */
    private boolean finish(long jobId, boolean applied) {
        Delivery d = inFlight.remove(jobId);
        if (d != null && applied) {
            // A failed acknowledgement leaves the entry pending; after the lease it is taken over and dropped.
            bestEffort("acknowledge job " + jobId, () -> ack(d));
        }
        return applied;
    }

    private void ack(Delivery d) {
        redis.jedis().eval(ACK, List.of(d.stream()), List.of(GROUP, d.entry().toString()));
    }

    /** Hands jobs that became pending to Redis: due ones to their stream, later ones to the delayed set. */
    private void publish(List<Pending> pending) {
        if (closed) {
            return;
        }
        Instant now = jobs.now();
        try (PipelineBase pipe = redis.jedis().pipelined()) {
            for (Pending p : pending) {
                if (p.dueAt().isAfter(now)) {
                    pipe.zadd(delayedKey, micros(p.dueAt()), p.kind().name() + ":" + p.id());
                } else {
                    pipe.xadd(streamKey(p.kind()), XAddParams.xAddParams(), Map.of(FIELD, Long.toString(p.id())));
                }
            }
            pipe.sync();
        } catch (JedisException e) {
            LOG.log(System.Logger.Level.WARNING, "job queue: " + pending.size() + " stored job(s) not handed to "
                    + "Redis (" + e.getMessage() + "); they are published again once " + options.republishAfter()
                    + " old");
        }
    }

    private void moveDue(Instant now) {
        redis.jedis().eval(MOVE_DUE, List.of(delayedKey),
                List.of(Long.toString(micros(now)), redis.key("jobs:"), Integer.toString(MOVE_BATCH)));
    }

    private void republishIfDue(Instant now) {
        if (now.isBefore(nextRepublishCheck)) {
            return;
        }
        nextRepublishCheck = now.plus(options.republishEvery());
        Object turn = redis.jedis().eval(REPUBLISH_TURN, List.of(republishKey),
                List.of(Long.toString(now.toEpochMilli()), Long.toString(options.republishEvery().toMillis())));
        if (((Number) turn).longValue() == 0) {
            return;
        }
        List<JobRef> stale = jobs.staleRunnable(options.republishAfter(), options.republishBatch());
        if (stale.isEmpty()) {
            return;
        }
        try (PipelineBase pipe = redis.jedis().pipelined()) {
            for (JobRef j : stale) {
                pipe.xadd(streamKey(j.kind()), XAddParams.xAddParams(), Map.of(FIELD, Long.toString(j.id())));
            }
            pipe.sync();
        }
        LOG.log(System.Logger.Level.INFO, "job queue: published " + stale.size() + " runnable job(s) again that "
                + "nobody had taken for " + options.republishAfter());
    }

    private void ensureGroups(List<JobKind> kinds) {
        for (JobKind kind : kinds) {
            String stream = streamKey(kind);
            if (groups.contains(stream)) {
                continue;
            }
            try {
                redis.jedis().xgroupCreate(stream, GROUP, new StreamEntryID(), true);
            } catch (JedisDataException e) {
                if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                    throw e;
                }
            }
            groups.add(stream);
        }
    }

    private static long jobId(StreamEntry e) {
        String v = e.getFields() == null ? null : e.getFields().get(FIELD);
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException ignored) {
            return -1;
        }
    }

    private static boolean isNoGroup(JedisDataException e) {
        return e.getMessage() != null && e.getMessage().startsWith("NOGROUP");
    }

    /** Microseconds since the epoch: the precision the database keeps (and exact in a double). */
    private static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    private static RuntimeException failure(JedisException e) {
        if (e instanceof JedisConnectionException) {
            return new TransientFailureException("job queue: Redis is unreachable: " + e.getMessage(), e);
        }
        return new StoreException("job queue: Redis refused a command: " + e.getMessage(), e);
    }

    private static void bestEffort(String what, Runnable action) {
        try {
            action.run();
        } catch (JedisException e) {
            LOG.log(System.Logger.Level.WARNING, "job queue: could not " + what + " in Redis: " + e.getMessage());
        }
    }
}
