package io.trackctl.core.rules;

import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.WebhookEventType;
import io.trackctl.core.snapshot.WebhookHead;
import io.trackctl.core.snapshot.WebhookPayload;
import java.util.Objects;

/**
 * The delivery dedupe key (DESIGN.md section 4): tracking number and carrier, the latest event time
 * (UTC epoch milliseconds), and the providers hash when present, so a changed snapshot with the same
 * newest event is not lost. A STOPPED push keys on the number, the carrier and the event type.
 *
 * <p>Kept as primitives with the hash computed once, so the in-memory layer hashes and compares
 * it without building text (the hot path of every push); {@link #text()} is the form stored in
 * the database and in Redis.
 */
public final class DedupeKey {

    /** {@code latestEventMillis} when the snapshot has no event, or there is no snapshot. */
    public static final long NONE = Snapshot.NO_EVENT;

    private final boolean stopped;
    private final String number;
    private final int carrier;
    private final long latestEventMillis;
    private final long providersHash;
    private final boolean hasProvidersHash;
    private final int hash;

    /**
     * @param stopped true for TRACKING_STOPPED
     * @param carrier the carrier key, 0 when the push names none
     * @param providersHash meaningful only when {@code hasProvidersHash}
     */
    public DedupeKey(boolean stopped, String number, int carrier, long latestEventMillis, long providersHash,
                     boolean hasProvidersHash) {
        this.stopped = stopped;
        this.number = Objects.requireNonNull(number, "number");
        this.carrier = carrier;
        this.latestEventMillis = latestEventMillis;
        this.providersHash = hasProvidersHash ? providersHash : 0;
        this.hasProvidersHash = hasProvidersHash;
        int h = number.hashCode();
        h = 31 * h + carrier;
        h = 31 * h + Long.hashCode(latestEventMillis);
        h = 31 * h + Long.hashCode(this.providersHash);
        this.hash = stopped ? ~h : h;
    }

    public static DedupeKey of(WebhookPayload payload) {
        Snapshot snapshot = payload.snapshot();
        long latest = snapshot == null ? NONE : snapshot.latestEventMillis();
        return of(payload.type(), payload.number(), payload.carrier(), latest,
                snapshot == null ? null : snapshot.providersHash());
    }

    /**
     * The key of a push read by {@link io.trackctl.core.snapshot.SnapshotReader#readWebhookHead}: the
     * same as of its payload.
     */
    public static DedupeKey of(WebhookHead head) {
        return of(head.type(), head.number(), head.carrier(), head.latestEventMillis(), head.providersHash());
    }

    /**
     * @param latestEventMillis {@link #NONE} when the push carries no snapshot
     * @param providersHash null when the push carries no snapshot or the snapshot no hash
     */
    private static DedupeKey of(WebhookEventType type, String number, Integer carrierKey, long latestEventMillis,
                                Long providersHash) {
        int carrier = carrierKey == null ? 0 : carrierKey;
        return switch (type) {
            case TRACKING_STOPPED -> new DedupeKey(true, number, carrier, NONE, 0, false);
            case TRACKING_UPDATED -> new DedupeKey(false, number, carrier, latestEventMillis,
                    providersHash == null ? 0 : providersHash, providersHash != null);
            case UNKNOWN -> throw new IllegalArgumentException("no dedupe key for an unknown event type");
        };
    }

    /** The stored form: {@code U|NUMBER|carrier|millis|hash} or {@code S|NUMBER|carrier}, "-" for absent parts. */
    public String text() {
        String c = carrier == 0 ? "-" : Integer.toString(carrier);
        if (stopped) {
            return "S|" + number + "|" + c;
        }
        return "U|" + number + "|" + c + "|" + (latestEventMillis == NONE ? "-" : Long.toString(latestEventMillis))
                + "|" + (hasProvidersHash ? Long.toString(providersHash) : "-");
    }

    public String number() {
        return number;
    }

    public boolean stopped() {
        return stopped;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DedupeKey k && hash == k.hash && stopped == k.stopped && carrier == k.carrier
                && latestEventMillis == k.latestEventMillis && providersHash == k.providersHash
                && hasProvidersHash == k.hasProvidersHash && number.equals(k.number);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return text();
    }
}
