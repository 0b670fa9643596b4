package io.trackctl.core.snapshot;

import io.trackctl.core.status.MainStatus;
import io.trackctl.core.status.SubStatus;
import io.trackctl.core.status.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The parts of a 17TRACK {@code track_info} that trackctl keeps: the latest status, the latest
 * event, and every provider with its events. A snapshot is a whole state, never a delta.
 *
 * <p>Immutable. The newest event time is worked out once, when the snapshot is built: every push is
 * keyed (dedupe), ranked and applied by it, and it would otherwise be found again by walking every
 * provider's events each time.
 */
public final class Snapshot {

    /** {@link #latestEventMillis()} when the snapshot has no event at all. */
    public static final long NO_EVENT = Long.MIN_VALUE;

    private final String number;
    private final Integer carrier;
    private final String tag;
    private final TrackStatus status;
    private final SnapshotEvent latestEvent;
    private final List<ProviderTrack> providers;
    private final Long providersHash;
    private final Instant latestEventTime;
    private final long latestEventMillis;

    public Snapshot(String number, Integer carrier, String tag, TrackStatus status, SnapshotEvent latestEvent,
                    List<ProviderTrack> providers, Long providersHash) {
        this.number = TrackingNumbers.normalize(number);
        this.carrier = carrier;
        this.tag = tag;
        this.status = status == null ? TrackStatus.NONE : status;
        this.latestEvent = latestEvent;
        this.providers = providers == null ? List.of() : List.copyOf(providers);
        this.providersHash = providersHash;
        this.latestEventTime = newestInstant(latestEvent, this.providers);
        this.latestEventMillis = latestEventTime == null ? NO_EVENT : saturatedMillis(latestEventTime);
    }

    public String number() {
        return number;
    }

    /** The carrier key 17TRACK reports, null when it names none. */
    public Integer carrier() {
        return carrier;
    }

    public String tag() {
        return tag;
    }

    public TrackStatus status() {
        return status;
    }

    public SnapshotEvent latestEvent() {
        return latestEvent;
    }

    public List<ProviderTrack> providers() {
        return providers;
    }

    /** 17TRACK's hash over the providers' content, null when the push carries none. */
    public Long providersHash() {
        return providersHash;
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
        return latestEventTime;
    }

    /**
     * {@link #latestEventTime()} in UTC epoch milliseconds ({@link #NO_EVENT} when there is none),
     * clamped to the range of a long for carrier dates far outside any real one.
     */
    public long latestEventMillis() {
        return latestEventMillis;
    }

    private static Instant newestInstant(SnapshotEvent latestEvent, List<ProviderTrack> providers) {
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

    private static long saturatedMillis(Instant t) {
        try {
            return t.toEpochMilli();
        } catch (ArithmeticException outOfRange) {
            return t.getEpochSecond() < 0 ? NO_EVENT + 1 : Long.MAX_VALUE;
        }
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot s && Objects.equals(number, s.number) && Objects.equals(carrier, s.carrier)
                && Objects.equals(tag, s.tag) && status.equals(s.status)
                && Objects.equals(latestEvent, s.latestEvent) && providers.equals(s.providers)
                && Objects.equals(providersHash, s.providersHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, carrier, tag, status, latestEvent, providers, providersHash);
    }

    @Override
    public String toString() {
        return "Snapshot[number=" + number + ", carrier=" + carrier + ", tag=" + tag + ", status=" + status
                + ", latestEvent=" + latestEvent + ", providers=" + providers + ", providersHash=" + providersHash
                + "]";
    }
}
