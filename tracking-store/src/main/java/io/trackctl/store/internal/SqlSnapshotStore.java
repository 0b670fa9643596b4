package io.trackctl.store.internal;

import io.trackctl.core.port.SnapshotStore;
import io.trackctl.core.rules.EventIdentity;
import io.trackctl.core.rules.SnapshotApply;
import io.trackctl.core.rules.TrackingState;
import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.SnapshotEvent;
import io.trackctl.core.status.Stage;
import io.trackctl.core.status.SubStatus;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

/**
 * Applies snapshots in one transaction by the rules of {@link SnapshotApply}: events inserted with
 * "ignore duplicates", then the status fields replaced by an UPDATE that repeats the rank check in
 * its WHERE clause, so concurrent and repeated applies converge on the newest snapshot.
 */
public final class SqlSnapshotStore implements SnapshotStore {

    private final Db db;

    public SqlSnapshotStore(Db db) {
        this.db = db;
    }

    @Override
    public Applied applySnapshot(long trackingId, Snapshot snapshot, Instant syncedAt) {
        return db.tx(x -> {
            Optional<TrackingState> current = x.get("tracking.lock-state", db.params().put("id", trackingId),
                    r -> Mappers.tracking(r).state());
            if (current.isEmpty()) {
                return new Applied(0, false);
            }
            // Events are a grow-only set: the unique key, not this read, decides what is new.
            SnapshotApply.Result result = SnapshotApply.apply(current.get(), Set.of(), snapshot);
            Instant now = db.now();
            int added = 0;
            for (SnapshotEvent e : result.newEvents()) {
                added += (int) x.dml("event.insert-if-absent", eventParams(trackingId, e, now));
            }
            boolean moved = result.moved() && x.dml("tracking.apply-status", statusParams(trackingId, result.state(),
                    syncedAt, now)) > 0;
            if (!moved) {
                x.dml("tracking.touch-sync", db.params().put("id", trackingId).put("synced_at", syncedAt));
            }
            return new Applied(added, moved);
        });
    }

    private Params statusParams(long trackingId, TrackingState next, Instant syncedAt, Instant now) {
        return db.params().put("id", trackingId)
                .put("track_status", next.status().main()).put("sub_status", next.status().sub())
                .put("raw_status", next.status().raw())
                .put("latest_event_at", next.latestEventAt()).put("latest_event_text", next.latestEventText())
                .put("latest_event_location", next.latestEventLocation())
                .put("delivered_at", next.deliveredAt()).put("providers_hash", next.providersHash())
                .put("rank", next.rank()).put("synced_at", syncedAt).put("now", now);
    }

    private Params eventParams(long trackingId, SnapshotEvent e, Instant now) {
        return db.params().put("tracking_id", trackingId).put("time_utc", e.timeUtc())
                .put("time_local", e.localTime() == null ? null
                        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.localTime()))
                .put("description", e.description()).put("location", e.location())
                .put("stage", e.stage() == Stage.UNKNOWN ? e.rawStage() : e.stage().wire())
                .put("sub_status", e.subStatus() == SubStatus.UNKNOWN ? e.rawSubStatus() : e.subStatus().wire())
                .put("provider_key", e.providerKey()).put("content_hash", EventIdentity.contentHash(e))
                .put("now", now);
    }

    @Override
    public void markStopped(long trackingId, Instant at) {
        db.write(x -> x.dml("tracking.mark-stopped", db.params().put("id", trackingId).put("at", at)));
    }
}
