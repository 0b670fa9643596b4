package io.trackctl.core.snapshot;

/** The event types 17TRACK pushes; anything else is {@link #UNKNOWN}. */
public enum WebhookEventType {
    TRACKING_UPDATED,
    TRACKING_STOPPED,
    UNKNOWN;

    public static WebhookEventType parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        return switch (text.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "TRACKING_UPDATED" -> TRACKING_UPDATED;
            case "TRACKING_STOPPED" -> TRACKING_STOPPED;
            default -> UNKNOWN;
        };
    }
}
