package io.trackctl.core.model;

import java.time.Duration;

/** What the health report says about the job queue. */
public record QueueStats(long pending, long running, long failed, Duration oldestPendingAge) {
}
