package io.trackctl.core.model;

import java.time.Instant;

/** One unit of asynchronous work and its history (attempts, last error, lease). */
public record SyncJob(long id, JobKind kind, JobTrigger trigger, JobStatus status, Long trackingId, Long refId,
                      int attempts, int maxAttempts, Instant nextAttemptAt, String lastError, String lockedBy,
                      Instant lockedUntil, Instant createdAt, Instant updatedAt, Instant finishedAt) {
}
