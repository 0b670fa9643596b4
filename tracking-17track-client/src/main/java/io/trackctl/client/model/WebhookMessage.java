package io.trackctl.client.model;

/** A push body: {@code TRACKING_UPDATED} (with {@code track_info}) or {@code TRACKING_STOPPED}. */
public record WebhookMessage(String event, TrackInfoItem data) {
}
