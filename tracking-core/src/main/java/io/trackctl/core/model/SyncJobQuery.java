package io.trackctl.core.model;

/** Job list filters; null means "any". {@code shopId} scopes to jobs of that shop's numbers. */
public record SyncJobQuery(Long trackingId, JobStatus status, JobKind kind, Long shopId) {
}
