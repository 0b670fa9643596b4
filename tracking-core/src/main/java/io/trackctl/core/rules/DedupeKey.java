package io.trackctl.core.rules;

import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.WebhookPayload;
import java.time.Instant;

/**
 * The delivery dedupe key (DESIGN.md section 4): tracking number and carrier, the latest event time
 * in UTC, and the providers hash when present, so a changed snapshot with the same newest event is
 * not lost. A STOPPED push keys on the number and the event type.
 */
public final class DedupeKey {

    private DedupeKey() {
    }

    public static String of(WebhookPayload payload) {
        String carrier = payload.carrier() == null ? "-" : payload.carrier().toString();
        return switch (payload.type()) {
            case TRACKING_STOPPED -> "S|" + payload.number() + "|" + carrier;
            case TRACKING_UPDATED -> updated(payload.number(), carrier, payload.snapshot());
            case UNKNOWN -> throw new IllegalArgumentException("no dedupe key for an unknown event type");
        };
    }

    private static String updated(String number, String carrier, Snapshot snapshot) {
        if (snapshot == null) {
            return "U|" + number + "|" + carrier + "|-|-";
        }
        Instant latest = snapshot.latestEventTime();
        Long hash = snapshot.providersHash();
        return "U|" + number + "|" + carrier + "|" + (latest == null ? "-" : latest.toString())
                + "|" + (hash == null ? "-" : hash.toString());
    }
}
