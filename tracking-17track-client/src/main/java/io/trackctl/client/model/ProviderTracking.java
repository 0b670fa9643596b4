package io.trackctl.client.model;

import java.util.List;

/** One carrier's part of the tracking: its events (newest first) and when 17TRACK last polled it. */
public record ProviderTracking(Provider provider, String providerLang, String serviceType, String latestSyncStatus,
                               String latestSyncTime, Long eventsHash, String providerTips, List<TrackEvent> events) {

    public ProviderTracking {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
