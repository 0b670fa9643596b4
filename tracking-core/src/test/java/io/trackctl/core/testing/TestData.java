package io.trackctl.core.testing;

import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.WebhookEventType;
import io.trackctl.core.snapshot.WebhookPayload;

/**
 * Entry points for test data: {@code import static io.trackctl.core.testing.TestData.*}, then
 * {@code aSnapshot().number("LX1").withEvent(anEvent().at("2024-11-10T08:00:00Z")).build()}.
 */
public final class TestData {

    private TestData() {
    }

    public static SnapshotBuilder aSnapshot() {
        return new SnapshotBuilder();
    }

    public static EventBuilder anEvent() {
        return new EventBuilder();
    }

    public static ProviderBuilder aProvider() {
        return new ProviderBuilder();
    }

    /** A TRACKING_UPDATED push carrying the snapshot (number, carrier and tag taken from it). */
    public static WebhookPayload anUpdatedPush(Snapshot snapshot) {
        return new WebhookPayload(WebhookEventType.TRACKING_UPDATED, "TRACKING_UPDATED", snapshot.number(),
                snapshot.carrier(), snapshot.tag(), snapshot);
    }

    /** A TRACKING_STOPPED push: number, carrier and tag only. */
    public static WebhookPayload aStoppedPush(String number, Integer carrier, String tag) {
        return new WebhookPayload(WebhookEventType.TRACKING_STOPPED, "TRACKING_STOPPED", number, carrier, tag, null);
    }

    /** The minimal dashboard test push: TRACKING_UPDATED without {@code track_info}. */
    public static WebhookPayload aMinimalTestPush(String number, Integer carrier) {
        return new WebhookPayload(WebhookEventType.TRACKING_UPDATED, "TRACKING_UPDATED", number, carrier, null, null);
    }

    /** The push as 17TRACK would send it: payload plus its exact JSON bytes. */
    public static GeneratedPush onTheWire(WebhookPayload payload) {
        return new GeneratedPush(payload, WireJson.bytes(payload));
    }
}
