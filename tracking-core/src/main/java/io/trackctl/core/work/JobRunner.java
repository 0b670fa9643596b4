package io.trackctl.core.work;

import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.port.JobQueue;
import io.trackctl.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Worker threads that claim jobs from the queue, hand them to the handler of their kind, and
 * record the result under the retry policy: success, a retry at a backed-off time, or a final
 * failure with an alert. A job's attempt count comes from the queue (a claim counts an attempt),
 * so the decision survives restarts.
 */
public final class JobRunner implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JobRunner.class.getName());
    private static final int MAX_ERROR_LENGTH = 2000;

    /** A group of threads serving some job kinds. */
    public record Pool(String name, Set<JobKind> kinds, int threads) {

        public Pool {
            kinds = Set.copyOf(kinds);
            if (threads < 1) {
                throw new IllegalArgumentException("a worker pool needs at least one thread");
            }
        }
    }

    private final JobQueue queue;
    private final Map<JobKind, JobHandler> handlers;
    private final RetryPolicy policy;
    private final Alerts alerts;
    private final List<Pool> pools;
    private final Duration lease;
    private final String instanceId;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong completed = new AtomicLong();
    private volatile boolean running;

    public JobRunner(JobQueue queue, Map<JobKind, JobHandler> handlers, RetryPolicy policy, Alerts alerts,
                     List<Pool> pools, Duration lease, String instanceId) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.handlers = new EnumMap<>(handlers);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.pools = List.copyOf(pools);
        this.lease = Objects.requireNonNull(lease, "lease");
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
        for (Pool p : pools) {
            for (JobKind k : p.kinds()) {
                if (!this.handlers.containsKey(k)) {
                    throw new IllegalArgumentException("no handler for job kind " + k);
                }
            }
        }
    }

    public synchronized JobRunner start() {
        if (running) {
            return this;
        }
        running = true;
        for (Pool pool : pools) {
            int batch = pool.kinds().stream().mapToInt(k -> handlers.get(k).batchSize()).max().orElse(1);
            for (int i = 0; i < pool.threads(); i++) {
                String workerId = instanceId + "/" + pool.name() + "-" + i;
                Thread t = Thread.ofPlatform().name("trackctl-" + pool.name() + "-" + i).daemon(true)
                        .unstarted(() -> loop(workerId, pool.kinds(), batch));
                threads.add(t);
                t.start();
            }
        }
        LOG.log(System.Logger.Level.INFO, "job workers started: {0}", pools);
        return this;
    }

    /** Jobs finished (succeeded, retried or failed) since start. */
    public long completed() {
        return completed.get();
    }

    private void loop(String workerId, Set<JobKind> kinds, int batch) {
        while (running) {
            try {
                List<SyncJob> jobs = queue.claim(kinds, batch, workerId, lease, Duration.ofMillis(500));
                if (!jobs.isEmpty()) {
                    runAll(jobs);
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(System.Logger.Level.WARNING, "worker {0}: {1}", workerId, e.toString());
                    pause();
                }
            }
        }
    }

    /** Runs claimed jobs and records each result. Visible for embedding programs that drive work themselves. */
    public void runAll(List<SyncJob> jobs) {
        Map<JobKind, List<SyncJob>> byKind = new LinkedHashMap<>();
        for (SyncJob j : jobs) {
            byKind.computeIfAbsent(j.kind(), k -> new ArrayList<>()).add(j);
        }
        byKind.forEach((kind, list) -> {
            Map<Long, Throwable> failures;
            try {
                failures = handlers.get(kind).handle(list);
            } catch (RuntimeException e) {
                failures = new LinkedHashMap<>();
                for (SyncJob j : list) {
                    failures.put(j.id(), e);
                }
            }
            // Successes first, together; a failure to record them reaches the worker loop, and the
            // jobs run again after their lease (applying is idempotent).
            Map<Long, Throwable> failed = failures;
            List<SyncJob> succeeded = list.stream().filter(j -> !failed.containsKey(j.id())).toList();
            if (!succeeded.isEmpty()) {
                queue.succeededAll(succeeded).forEach(JobRunner::lostClaim);
                completed.addAndGet(succeeded.size());
            }
            for (SyncJob j : list) {
                Throwable failure = failures.get(j.id());
                if (failure != null) {
                    recordFailure(j, failure);
                    completed.incrementAndGet();
                }
            }
        });
    }

    private void recordFailure(SyncJob job, Throwable failure) {
        String error = clip(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
        switch (policy.afterFailure(Math.max(1, job.attempts()), failure)) {
            case RetryPolicy.Retry r -> {
                if (queue.retryAt(job, r.at(), error)) {
                    LOG.log(System.Logger.Level.INFO, "job {0} ({1}) attempt {2} failed, retry at {3}: {4}",
                            job.id(), job.kind(), job.attempts(), r.at(), error);
                } else {
                    lostClaim(job);
                }
            }
            case RetryPolicy.GiveUp g -> {
                if (!queue.failed(job, clip(g.reason()))) {
                    lostClaim(job);
                    return;
                }
                try {
                    handlers.get(job.kind()).gaveUp(job, clip(g.reason()));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "job {0} ({1}): marking its subject failed did not work: {2}",
                            job.id(), job.kind(), e.toString());
                }
                alerts.raise("job_failed", "job " + job.id() + " (" + job.kind() + ") failed for good: "
                        + clip(g.reason()), job.id());
            }
        }
    }

    /** The lease ran out and another worker holds the job now: its result counts, not this one. */
    private static void lostClaim(SyncJob job) {
        LOG.log(System.Logger.Level.WARNING, "job {0} ({1}) attempt {2} finished after its lease ran out and the job "
                + "was claimed again; this result is dropped", job.id(), job.kind(), job.attempts());
    }

    private static String clip(String s) {
        return s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH) + "...";
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops claiming, lets jobs in flight finish (up to the timeout), and returns. */
    @Override
    public void close() {
        running = false;
        queue.signal();
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }
}
