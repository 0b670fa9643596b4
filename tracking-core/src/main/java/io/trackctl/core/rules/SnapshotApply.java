package io.trackctl.core.rules;

import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.SnapshotEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applying a snapshot to stored state (DESIGN.md section 4), as pure functions:
 * events grow only; the status moves only with a snapshot at least as new as the one it came from;
 * a stop is sticky. Together these make any order of any repetition of the same pushes converge.
 */
public final class SnapshotApply {

    private SnapshotApply() {
    }

    /**
     * The outcome: the next state, whether the status-bearing fields changed ({@code false} for a
     * repeat of the snapshot the state came from), and the events to add.
     */
    public record Result(TrackingState state, boolean moved, List<SnapshotEvent> newEvents) {
    }

    /** The state after {@code snapshot}; {@code storedEventKeys} are {@link EventIdentity#key} values. */
    public static Result apply(TrackingState current, Set<String> storedEventKeys, Snapshot snapshot) {
        List<SnapshotEvent> fresh = newEvents(storedEventKeys, snapshot.events());
        String rank = SnapshotRank.of(snapshot);
        if (!SnapshotRank.atLeastAsNew(rank, current.rank())) {
            return new Result(current, false, fresh);
        }
        TrackingState next = advance(current, snapshot, rank);
        // A re-delivered snapshot wins the (>=) comparison but changes nothing: that is not a move.
        return new Result(next, !next.equals(current), fresh);
    }

    /** The status-bearing fields taken from a snapshot that won the rank comparison. */
    public static TrackingState advance(TrackingState current, Snapshot snapshot, String rank) {
        SnapshotEvent newest = snapshot.newestEvent();
        return new TrackingState(
                snapshot.status(),
                snapshot.latestEventTime(),
                newest == null ? null : newest.description(),
                newest == null ? null : newest.location(),
                snapshot.deliveredAt(),
                snapshot.providersHash(),
                rank,
                current.trackingStopped());
    }

    /** A TRACKING_STOPPED push: only the stop flag changes. */
    public static TrackingState stop(TrackingState current) {
        return new TrackingState(current.status(), current.latestEventAt(), current.latestEventText(),
                current.latestEventLocation(), current.deliveredAt(), current.providersHash(), current.rank(), true);
    }

    /** Events of the snapshot not in {@code stored}, each once even if the snapshot repeats it. */
    public static List<SnapshotEvent> newEvents(Set<String> stored, List<SnapshotEvent> incoming) {
        Map<String, SnapshotEvent> fresh = new LinkedHashMap<>();
        for (SnapshotEvent e : incoming) {
            String k = EventIdentity.key(e);
            if (!stored.contains(k)) {
                fresh.putIfAbsent(k, e);
            }
        }
        return new ArrayList<>(fresh.values());
    }
}
