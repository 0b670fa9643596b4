package io.trackctl.core.snapshot;

import java.time.Instant;
import java.util.List;

/** One carrier's part of a snapshot: who it is, when 17TRACK last polled it, and its events. */
public record ProviderTrack(int key, String name, String country, Long eventsHash, Instant latestSyncTime,
                            List<SnapshotEvent> events) {

    public ProviderTrack {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
