package io.trackctl.core.port;

import io.trackctl.core.snapshot.Snapshot;
import java.time.Instant;

/**
 * Applying 17TRACK snapshots to stored tracking numbers, atomically and by the rules of
 * {@link io.trackctl.core.rules.SnapshotApply}: new events added once, status fields replaced only
 * when the snapshot's rank is at least the stored one (checked inside the same statement, so
 * concurrent applies converge).
 */
public interface SnapshotStore {

    record Applied(int eventsAdded, boolean statusMoved) {
    }

    Applied applySnapshot(long trackingId, Snapshot snapshot, Instant syncedAt);

    /** TRACKING_STOPPED: 17TRACK no longer tracks this number. */
    void markStopped(long trackingId, Instant at);
}
