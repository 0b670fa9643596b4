package io.trackctl.core.model;

import io.trackctl.core.status.MainStatus;
import java.time.Instant;

/** The list filters of {@code GET /tracking}; null means "any". {@code shopId} is also the tenant scope. */
public record TrackingQuery(Long shopId, MainStatus status, String keyword, Instant updatedFrom, Instant updatedTo) {

    public static final TrackingQuery ALL = new TrackingQuery(null, null, null, null, null);
}
