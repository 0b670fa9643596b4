package io.trackctl.core.sync;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link SyncService#scheduleStale()} every interval while this instance holds the
 * {@link SchedulerLock}, so in a cluster one instance schedules at a time.
 */
public final class SyncScheduler implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SyncScheduler.class.getName());

    /**
     * Told about every run this instance made while holding the lock (for operators and for tests
     * that check that runs never overlap across instances).
     */
    @FunctionalInterface
    public interface RunLog {

        /** Logs nothing. */
        RunLog NONE = (start, end, queued) -> {
        };

        /** A run that started (the lock held) at {@code start}, ended at {@code end}, queued {@code queued} pulls. */
        void ran(Instant start, Instant end, int queued);
    }

    private final SyncService sync;
    private final SchedulerLock lock;
    private final RunLog runLog;
    private final ScheduledExecutorService timer;

    public SyncScheduler(SyncService sync, SchedulerLock lock) {
        this(sync, lock, RunLog.NONE);
    }

    public SyncScheduler(SyncService sync, SchedulerLock lock, RunLog runLog) {
        this.sync = sync;
        this.lock = lock;
        this.runLog = runLog == null ? RunLog.NONE : runLog;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "trackctl-scheduler");
            t.setDaemon(true);
            return t;
        });
    }

    public SyncScheduler start() {
        long every = sync.settings().interval().toMillis();
        timer.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One run; returns the pulls queued (0 when another instance holds the lock). */
    public int runOnce() {
        try {
            if (!lock.tryAcquire()) {
                return 0;
            }
            Instant start = Instant.now();
            int queued = 0;
            try {
                queued = sync.scheduleStale();
            } finally {
                runLog.ran(start, Instant.now(), queued);
            }
            if (queued > 0) {
                LOG.log(System.Logger.Level.INFO, "scheduler queued {0} pulls of stale numbers", queued);
            }
            return queued;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "scheduler run failed: {0}", e.toString());
            return 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            // A run in flight could take the lock again after a release; let it end first.
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "a scheduler run did not end within 10 s of the stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.release();
    }
}
