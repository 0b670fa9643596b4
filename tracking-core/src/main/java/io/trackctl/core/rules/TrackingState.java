package io.trackctl.core.rules;

import io.trackctl.core.status.TrackStatus;
import java.time.Instant;

/**
 * The part of a stored tracking number that applying a snapshot may change. {@code rank} is the
 * {@link SnapshotRank} of the snapshot the status came from (null before any).
 */
public record TrackingState(
        TrackStatus status,
        Instant latestEventAt,
        String latestEventText,
        String latestEventLocation,
        Instant deliveredAt,
        Long providersHash,
        String rank,
        boolean trackingStopped) {

    public static final TrackingState EMPTY = new TrackingState(TrackStatus.NONE, null, null, null, null, null, null,
            false);

    public TrackingState {
        status = status == null ? TrackStatus.NONE : status;
    }
}
