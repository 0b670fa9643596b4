package io.trackctl.server;

import io.trackctl.core.sync.SyncSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the background work runs: worker threads, the retry budget, the webhook timestamp window,
 * an optional alert webhook, and the 17TRACK sync schedule.
 *
 * @param workers          threads applying webhook deliveries and running imports
 * @param maxAttempts      attempts a job gets before it fails for good (with an alert)
 * @param timestampWindow  how far an {@code X-17Track-Timestamp} may be from now
 * @param alertWebhook     where alerts are also POSTed, or null
 * @param lease            how long a claimed job is held before another worker may take it back
 * @param scheduler        whether this instance runs the sync scheduler (it still takes a lock)
 * @param sync             freshness, interval, staleness and budget of pulls
 * @param redisPrefix      what every Redis key of this deployment starts with ({@value #DEFAULT_REDIS_PREFIX}
 *                         by default); instances that work together share it
 * @param recordSchedulerRuns whether each scheduler run is appended to the Redis list
 *                         {@code <prefix>scheduler:runs} (instance, start, end), to check that runs never overlap
 */
public record EngineSettings(int workers, int maxAttempts, Duration timestampWindow, URI alertWebhook,
                             Duration lease, boolean scheduler, SyncSettings sync, String redisPrefix,
                             boolean recordSchedulerRuns) {

    public static final String DEFAULT_REDIS_PREFIX = "trackctl:";

    public EngineSettings {
        List<String> problems = new ArrayList<>();
        if (workers < 1 || workers > 64) {
            problems.add("workers must be between 1 and 64, got " + workers);
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            problems.add("retry max attempts must be between 1 and 20, got " + maxAttempts);
        }
        timestampWindow = timestampWindow == null ? Duration.ofMinutes(5) : timestampWindow;
        if (timestampWindow.isNegative() || timestampWindow.isZero()) {
            problems.add("the webhook timestamp window must be positive");
        }
        if (alertWebhook != null && (alertWebhook.getScheme() == null
                || !alertWebhook.getScheme().startsWith("http"))) {
            problems.add("the alert webhook must be an http or https URL");
        }
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        sync = sync == null ? SyncSettings.defaults() : sync;
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add("the job lease must be at least one second");
        }
        redisPrefix = redisPrefix == null || redisPrefix.isBlank() ? DEFAULT_REDIS_PREFIX : redisPrefix.trim();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The settings without a Redis prefix of their own and without recorded scheduler runs. */
    public EngineSettings(int workers, int maxAttempts, Duration timestampWindow, URI alertWebhook,
                          Duration lease, boolean scheduler, SyncSettings sync) {
        this(workers, maxAttempts, timestampWindow, alertWebhook, lease, scheduler, sync, null, false);
    }

    /** Two workers, 3 attempts, a 5-minute timestamp window, no alert webhook, the default schedule. */
    public static EngineSettings defaults() {
        return new EngineSettings(2, 3, Duration.ofMinutes(5), null, Duration.ofMinutes(2), true,
                SyncSettings.defaults());
    }

    public EngineSettings withWorkers(int n) {
        return new EngineSettings(n, maxAttempts, timestampWindow, alertWebhook, lease, scheduler, sync, redisPrefix,
                recordSchedulerRuns);
    }

    public EngineSettings withAlertWebhook(URI url) {
        return new EngineSettings(workers, maxAttempts, timestampWindow, url, lease, scheduler, sync, redisPrefix,
                recordSchedulerRuns);
    }

    public EngineSettings withSync(SyncSettings s) {
        return new EngineSettings(workers, maxAttempts, timestampWindow, alertWebhook, lease, scheduler, s, redisPrefix,
                recordSchedulerRuns);
    }

    public EngineSettings withMaxAttempts(int n) {
        return new EngineSettings(workers, n, timestampWindow, alertWebhook, lease, scheduler, sync, redisPrefix,
                recordSchedulerRuns);
    }

    public EngineSettings withLease(Duration l) {
        return new EngineSettings(workers, maxAttempts, timestampWindow, alertWebhook, l, scheduler, sync, redisPrefix,
                recordSchedulerRuns);
    }

    public EngineSettings withRedisPrefix(String prefix) {
        return new EngineSettings(workers, maxAttempts, timestampWindow, alertWebhook, lease, scheduler, sync, prefix,
                recordSchedulerRuns);
    }

    public EngineSettings withRecordedSchedulerRuns(boolean on) {
        return new EngineSettings(workers, maxAttempts, timestampWindow, alertWebhook, lease, scheduler, sync,
                redisPrefix, on);
    }
}
