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
 * @param workers          threads applying webhook deliveries; imports run on a thread of their own
 * @param maxAttempts      attempts a job gets before it fails for good (with an alert)
 * @param timestampWindow  how far an {@code X-17Track-Timestamp} may be from now
 * @param alertWebhook     where alerts are also POSTed, or null
 * @param lease            how long a claimed job is held before another worker may take it back
 * @param scheduler        whether this instance runs the sync scheduler (it still takes a lock)
 * @param sync             freshness, interval, staleness and budget of pulls
 * @param webhookMaxBytes  the largest webhook body accepted (larger ones are answered 413 and logged)
 * @param retryBaseDelay   the wait after a job's first failed attempt, doubled after each further one
 * @param retryMaxDelay    the longest wait between two attempts
 * @param redisPrefix      what every Redis key of this deployment starts with ({@value #DEFAULT_REDIS_PREFIX}
 *                         by default); instances that work together share it
 * @param recordSchedulerRuns whether each scheduler run is appended to the Redis list
 *                         {@code <prefix>scheduler:runs} (instance, start, end), to check that runs never overlap
 */
public record EngineSettings(int workers, int maxAttempts, Duration timestampWindow, URI alertWebhook,
                             Duration lease, boolean scheduler, SyncSettings sync, long webhookMaxBytes,
                             Duration retryBaseDelay, Duration retryMaxDelay, String redisPrefix,
                             boolean recordSchedulerRuns) {

    public static final long DEFAULT_WEBHOOK_MAX_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_RETRY_BASE_DELAY = Duration.ofSeconds(2);
    public static final Duration DEFAULT_RETRY_MAX_DELAY = Duration.ofMinutes(5);
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
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add("the job lease must be at least one second");
        }
        sync = sync == null ? SyncSettings.defaults() : sync;
        webhookMaxBytes = webhookMaxBytes == 0 ? DEFAULT_WEBHOOK_MAX_BYTES : webhookMaxBytes;
        if (webhookMaxBytes < 1024 || webhookMaxBytes > 64L * 1024 * 1024) {
            problems.add("the webhook body limit must be between 1024 bytes and 64 MiB, got " + webhookMaxBytes);
        }
        retryBaseDelay = retryBaseDelay == null ? DEFAULT_RETRY_BASE_DELAY : retryBaseDelay;
        retryMaxDelay = retryMaxDelay == null ? DEFAULT_RETRY_MAX_DELAY : retryMaxDelay;
        if (retryBaseDelay.isNegative() || retryMaxDelay.compareTo(retryBaseDelay) < 0) {
            problems.add("retry delays need 0 <= base delay <= max delay");
        }
        redisPrefix = redisPrefix == null || redisPrefix.isBlank() ? DEFAULT_REDIS_PREFIX : redisPrefix.trim();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The settings with the default webhook limit, retry delays and Redis prefix. */
    public EngineSettings(int workers, int maxAttempts, Duration timestampWindow, URI alertWebhook, Duration lease,
                          boolean scheduler, SyncSettings sync) {
        this(workers, maxAttempts, timestampWindow, alertWebhook, lease, scheduler, sync, 0, null, null, null, false);
    }

    /** Two workers, 3 attempts, a 5-minute timestamp window, no alert webhook, the default schedule. */
    public static EngineSettings defaults() {
        return new EngineSettings(2, 3, Duration.ofMinutes(5), null, Duration.ofMinutes(2), true,
                SyncSettings.defaults());
    }

    public EngineSettings withWorkers(int n) {
        return new EngineSettings(n, maxAttempts, timestampWindow, alertWebhook, lease, scheduler, sync, webhookMaxBytes,
                retryBaseDelay, retryMaxDelay, redisPrefix, recordSchedulerRuns);
    }

    public EngineSettings withAlertWebhook(URI url) {
        return new EngineSettings(workers, maxAttempts, timestampWindow, url, lease, scheduler, sync, webhookMaxBytes,
                retryBaseDelay, retryMaxDelay, redisPrefix, recordSchedulerRuns);
    }

    public EngineSettings withSync(SyncSettings s) {
        return new EngineSettings(workers, maxAttempts, timestampWindow, alertWebhook, lease, scheduler, s, webhookMaxBytes,
                retryBaseDelay, retryMaxDelay, redisPrefix, recordSchedulerRuns);
    }

    public EngineSettings withMaxAttempts(int n) {
        return new EngineSettings(workers, n, timestampWindow, alertWebhook, lease, scheduler, sync, webhookMaxBytes,
                retryBaseDelay, retryMaxDelay, redisPrefix, recordSchedulerRuns);
    }

    public EngineSettings withWebhookMaxBytes(long bytes) {
        return new EngineSettings(workers, maxAttempts, timestampWindow, alertWebhook, lease, scheduler, sync, bytes,
                retryBaseDelay, retryMaxDelay, redisPrefix, recordSchedulerRuns);
    }

    public EngineSettings withTimestampWindow(Duration window) {
        return new EngineSettings(workers, maxAttempts, window, alertWebhook, lease, scheduler, sync, webhookMaxBytes,
                retryBaseDelay, retryMaxDelay, redisPrefix, recordSchedulerRuns);
    }

    public EngineSettings withRetryDelays(Duration base, Duration max) {
        return new EngineSettings(workers, maxAttempts, timestampWindow, alertWebhook, lease, scheduler, sync,
                webhookMaxBytes, base, max, redisPrefix, recordSchedulerRuns);
    }

    public EngineSettings withLease(Duration newLease) {
        return new EngineSettings(workers, maxAttempts, timestampWindow, alertWebhook, newLease, scheduler, sync,
                webhookMaxBytes, retryBaseDelay, retryMaxDelay, redisPrefix, recordSchedulerRuns);
    }

    public EngineSettings withRedisPrefix(String prefix) {
        return new EngineSettings(workers, maxAttempts, timestampWindow, alertWebhook, lease, scheduler, sync,
                webhookMaxBytes, retryBaseDelay, retryMaxDelay, prefix, recordSchedulerRuns);
    }

    public EngineSettings withRecordedSchedulerRuns(boolean on) {
        return new EngineSettings(workers, maxAttempts, timestampWindow, alertWebhook, lease, scheduler, sync,
                webhookMaxBytes, retryBaseDelay, retryMaxDelay, redisPrefix, on);
    }
}
