package io.trackctl.core.snapshot;

import java.util.Objects;

/**
 * A parsed 17TRACK push. {@code snapshot} is null for TRACKING_STOPPED and for the minimal test push
 * the dashboard sends without {@code track_info}.
 */
public record WebhookPayload(WebhookEventType type, String rawType, String number, Integer carrier, String tag,
                             Snapshot snapshot) {

    public WebhookPayload {
        Objects.requireNonNull(type, "type");
        number = TrackingNumbers.normalize(Objects.requireNonNull(number, "number"));
    }

    public boolean hasSnapshot() {
        return snapshot != null;
    }
}
