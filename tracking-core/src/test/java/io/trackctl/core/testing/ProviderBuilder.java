package io.trackctl.core.testing;

import io.trackctl.core.snapshot.ProviderTrack;
import io.trackctl.core.snapshot.SnapshotEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Builds a {@link ProviderTrack}; events are kept newest first, as 17TRACK lists them. */
public final class ProviderBuilder {

    private int key = 3011;
    private String name = "China Post";
    private String country = "CN";
    private Long eventsHash;
    private Instant latestSyncTime;
    private final List<SnapshotEvent> events = new ArrayList<>();

    ProviderBuilder() {
    }

    public ProviderBuilder key(int key) {
        this.key = key;
        return this;
    }

    public ProviderBuilder name(String name) {
        this.name = name;
        return this;
    }

    public ProviderBuilder country(String country) {
        this.country = country;
        return this;
    }

    public ProviderBuilder eventsHash(Long eventsHash) {
        this.eventsHash = eventsHash;
        return this;
    }

    public ProviderBuilder latestSyncTime(Instant latestSyncTime) {
        this.latestSyncTime = latestSyncTime;
        return this;
    }

    /** Adds an event; its provider key is taken as given (set it with {@code anEvent().provider(key)}). */
    public ProviderBuilder withEvent(SnapshotEvent event) {
        events.add(event);
        return this;
    }

    public ProviderBuilder withEvents(List<SnapshotEvent> more) {
        events.addAll(more);
        return this;
    }

    int key() {
        return key;
    }

    public ProviderTrack build() {
        List<SnapshotEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(SnapshotEvent::timeUtc).reversed());
        return new ProviderTrack(key, name, country, eventsHash, latestSyncTime, sorted);
    }
}
