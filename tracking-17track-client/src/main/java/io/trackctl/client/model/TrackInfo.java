package io.trackctl.client.model;

import java.util.List;

/** The full {@code track_info} tree (API.md section 3); any part may be null. */
public record TrackInfo(ShippingInfo shippingInfo, LatestStatus latestStatus, TrackEvent latestEvent,
                        TimeMetrics timeMetrics, List<Milestone> milestone, MiscInfo miscInfo, Tracking tracking) {

    public TrackInfo {
        milestone = milestone == null ? List.of() : List.copyOf(milestone);
    }
}
