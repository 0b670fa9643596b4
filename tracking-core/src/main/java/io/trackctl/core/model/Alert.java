package io.trackctl.core.model;

import java.time.Instant;

/** Something an operator should look at, such as a job that failed for good. */
public record Alert(long id, String kind, String message, Long jobId, Instant createdAt) {
}
