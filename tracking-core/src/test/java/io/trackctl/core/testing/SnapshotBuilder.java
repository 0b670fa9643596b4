package io.trackctl.core.testing;

import io.trackctl.core.snapshot.ProviderTrack;
import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.SnapshotEvent;
import io.trackctl.core.status.MainStatus;
import io.trackctl.core.status.SubStatus;
import io.trackctl.core.status.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Snapshot} equal to what {@code SnapshotReader} reads back from its wire form
 * ({@link WireJson}): events go to the provider named by their provider key (created on first use
 * with the name known from {@link Carriers}), the latest event defaults to the newest event (carrying
 * the snapshot's carrier as provider key, as the reader does), and the status defaults to the newest
 * event's sub-status.
 */
public final class SnapshotBuilder {

    private String number = "LX123456789CN";
    private Integer carrier = 3011;
    private String tag;
    private TrackStatus status;
    private final Map<Integer, ProviderBuilder> providers = new LinkedHashMap<>();
    private Long providersHash = 1L;
    private Instant latestSyncTime;
    private SnapshotEvent latestEvent;
    private boolean noLatestEvent;

    SnapshotBuilder() {
    }

    public SnapshotBuilder number(String number) {
        this.number = number;
        return this;
    }

    public SnapshotBuilder carrier(Integer carrier) {
        this.carrier = carrier;
        return this;
    }

    public SnapshotBuilder tag(String tag) {
        this.tag = tag;
        return this;
    }

    public SnapshotBuilder status(TrackStatus status) {
        this.status = status;
        return this;
    }

    /** The status with both texts in their wire spelling. */
    public SnapshotBuilder status(MainStatus main, SubStatus sub) {
        return status(new TrackStatus(main, sub, main.wire(), sub.wire()));
    }

    /** The status of a sub-status together with its main status. */
    public SnapshotBuilder status(SubStatus sub) {
        return status(sub.main(), sub);
    }

    /** Adds an event to the provider with the event's provider key. */
    public SnapshotBuilder withEvent(SnapshotEvent event) {
        provider(event.providerKey()).withEvent(event);
        return this;
    }

    public SnapshotBuilder withEvent(EventBuilder event) {
        return withEvent(event.build());
    }

    public SnapshotBuilder withEvents(List<SnapshotEvent> events) {
        events.forEach(this::withEvent);
        return this;
    }

    /** Declares a provider (it keeps its place in the provider list; later events with its key join it). */
    public SnapshotBuilder withProvider(ProviderBuilder provider) {
        providers.put(provider.key(), provider);
        return this;
    }

    public SnapshotBuilder providersHash(Long providersHash) {
        this.providersHash = providersHash;
        return this;
    }

    /** The {@code latest_sync_time} given to every provider that has none of its own. */
    public SnapshotBuilder latestSyncTime(Instant latestSyncTime) {
        this.latestSyncTime = latestSyncTime;
        return this;
    }

    /** An explicit {@code latest_event} (taken as is). */
    public SnapshotBuilder latestEvent(SnapshotEvent latestEvent) {
        this.latestEvent = latestEvent;
        this.noLatestEvent = false;
        return this;
    }

    /** The snapshot carries no {@code latest_event}. */
    public SnapshotBuilder withoutLatestEvent() {
        this.noLatestEvent = true;
        this.latestEvent = null;
        return this;
    }

    private ProviderBuilder provider(int key) {
        return providers.computeIfAbsent(key, k -> {
            Carriers.Carrier c = Carriers.byKey(k);
            return new ProviderBuilder().key(k).name(c.name()).country(c.country());
        });
    }

    public Snapshot build() {
        List<ProviderTrack> built = new ArrayList<>();
        for (ProviderBuilder p : providers.values()) {
            ProviderTrack t = p.build();
            if (t.latestSyncTime() == null && latestSyncTime != null) {
                t = new ProviderTrack(t.key(), t.name(), t.country(), t.eventsHash(), latestSyncTime, t.events());
            }
            built.add(t);
        }
        SnapshotEvent newest = built.stream()
                .flatMap(p -> p.events().stream())
                .max(Comparator.comparing(SnapshotEvent::timeUtc))
                .orElse(null);
        SnapshotEvent latest = latestEvent;
        if (latest == null && !noLatestEvent && newest != null) {
            latest = new SnapshotEvent(newest.timeUtc(), newest.localTime(), newest.description(), newest.location(),
                    newest.stage(), newest.rawStage(), newest.subStatus(), newest.rawSubStatus(),
                    carrier == null ? 0 : carrier);
        }
        TrackStatus s = status;
        if (s == null) {
            s = newest == null || newest.subStatus() == SubStatus.UNKNOWN
                    ? TrackStatus.NONE
                    : new TrackStatus(newest.subStatus().main(), newest.subStatus(), newest.subStatus().main().wire(),
                            newest.subStatus().wire());
        }
        return new Snapshot(number, carrier, tag, s, latest, built, providersHash);
    }
}
