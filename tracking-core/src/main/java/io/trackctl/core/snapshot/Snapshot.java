package io.trackctl.core.snapshot;

import io.trackctl.core.status.MainStatus;
import io.trackctl.core.status.SubStatus;
import io.trackctl.core.status.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The parts of a 17TRACK {@code track_info} that trackctl keeps: the latest status, the latest
 * event, and every provider with its events. A snapshot is a whole state, never a delta.
 */
public record Snapshot(
        String number,
        Integer carrier,
        String tag,
        TrackStatus status,
        SnapshotEvent latestEvent,
        List<ProviderTrack> providers,
        Long providersHash) {

    public Snapshot {
        number = TrackingNumbers.normalize(number);
        status = status == null ? TrackStatus.NONE : status;
        providers = providers == null ? List.of() : List.copyOf(providers);
    }

    /**
     * Newest first; events at the same instant are ordered by their content, so the order (and the
     * newest event) never depends on the provider or event order 17TRACK happened to send.
     */
    private static final Comparator<SnapshotEvent> NEWEST_FIRST = Comparator
            .comparing(SnapshotEvent::timeUtc, Comparator.reverseOrder())
            .thenComparingInt(SnapshotEvent::providerKey)
            .thenComparing(SnapshotEvent::description)
            .thenComparing(SnapshotEvent::location, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SnapshotEvent::rawSubStatus, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SnapshotEvent::rawStage, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(e -> e.localTime() == null ? null : e.localTime().getOffset(),
                    Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Every event of every provider, newest first by instant (provider order is not trusted). */
    public List<SnapshotEvent> events() {
        List<SnapshotEvent> all = new ArrayList<>();
        for (ProviderTrack p : providers) {
            all.addAll(p.events());
        }
        all.sort(NEWEST_FIRST);
        return all;
    }

    /** The newest event instant: {@code latest_event} when present, else the newest provider event. */
    public Instant latestEventTime() {
        Instant newest = latestEvent == null ? null : latestEvent.timeUtc();
        for (ProviderTrack p : providers) {
            for (SnapshotEvent e : p.events()) {
                if (newest == null || e.timeUtc().isAfter(newest)) {
                    newest = e.timeUtc();
                }
            }
        }
        return newest;
    }

    /** The newest {@code latest_sync_time} over providers: the tie-break between equal event times. */
    public Instant latestSyncTime() {
        Instant newest = null;
        for (ProviderTrack p : providers) {
            Instant t = p.latestSyncTime();
            if (t != null && (newest == null || t.isAfter(newest))) {
                newest = t;
            }
        }
        return newest;
    }

    /** The newest event, looked up across all providers. */
    public SnapshotEvent newestEvent() {
        if (latestEvent != null) {
            return latestEvent;
        }
        List<SnapshotEvent> all = events();
        return all.isEmpty() ? null : all.getFirst();
    }

    /**
     * When the parcel was delivered according to this snapshot: the newest event marked delivered,
     * or the latest event when only the status says so. Null unless the status is Delivered.
     */
    public Instant deliveredAt() {
        if (status.main() != MainStatus.DELIVERED) {
            return null;
        }
        return events().stream()
                .filter(e -> e.subStatus() == SubStatus.DELIVERED_OTHER
                        || e.stage() == io.trackctl.core.status.Stage.DELIVERED)
                .map(SnapshotEvent::timeUtc)
                .findFirst()
                .orElse(latestEventTime());
    }
}
