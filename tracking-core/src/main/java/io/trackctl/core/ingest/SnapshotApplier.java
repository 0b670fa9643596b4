package io.trackctl.core.ingest;

import io.trackctl.core.model.DeliveryOutcome;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.model.WebhookDelivery;
import io.trackctl.core.port.SnapshotStore;
import io.trackctl.core.port.TrackingStore;
import io.trackctl.core.port.WebhookLog;
import io.trackctl.core.retry.TransientFailureException;
import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.SnapshotReader;
import io.trackctl.core.snapshot.WebhookPayload;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Applies 17TRACK snapshots, from a logged push or from a pull, to every stored tracking number
 * they concern: the same number in any shop, and the same carrier when the number is stored with
 * one. The store enforces the ordering rules, so applying twice or out of order is harmless.
 */
public final class SnapshotApplier {

    private static final System.Logger LOG = System.getLogger(SnapshotApplier.class.getName());

    private final TrackingStore tracking;
    private final SnapshotStore snapshots;
    private final WebhookLog log;
    private final Clock clock;

    public SnapshotApplier(TrackingStore tracking, SnapshotStore snapshots, WebhookLog log, Clock clock) {
        this.tracking = tracking;
        this.snapshots = snapshots;
        this.log = log;
        this.clock = clock;
    }

    /** What applying one push or snapshot did. */
    public record Outcome(int numbersMatched, int eventsAdded, int statusesMoved) {
    }

    /** Applies a logged delivery and records its outcome on the log row. */
    public Outcome applyDelivery(long deliveryId) {
        Outcome outcome = applyLogged(deliveryId);
        log.markOutcome(deliveryId, outcomeOf(outcome), null);
        return outcome;
    }

    /**
     * Applies logged deliveries one after the other (each once, however often it is named), each
     * snapshot in a transaction of its own as in {@link #applyDelivery}, then records the outcomes
     * of those that applied together: one write for the lot, so their processing time is the time
     * of that write. Returns the failures by delivery id: a delivery that is not logged, does not
     * parse or failed to apply, and all of them when the outcomes could not be recorded (then as a
     * {@link TransientFailureException}: applying again is harmless, so the lot may be tried again).
     */
    public Map<Long, RuntimeException> applyDeliveries(Collection<Long> deliveryIds) {
        Map<Long, RuntimeException> failures = new HashMap<>();
        Map<Long, DeliveryOutcome> outcomes = new LinkedHashMap<>();
        for (Long id : new LinkedHashSet<>(deliveryIds)) {
            try {
                outcomes.put(id, outcomeOf(applyLogged(id)));
            } catch (RuntimeException e) {
                failures.put(id, e);
            }
        }
        try {
            log.markOutcomes(outcomes);
        } catch (RuntimeException e) {
            RuntimeException unrecorded = e instanceof TransientFailureException ? e
                    : new TransientFailureException("applied, but the outcomes were not recorded: " + e.getMessage(), e);
            outcomes.keySet().forEach(id -> failures.put(id, unrecorded));
        }
        return failures;
    }

    /** Applies a logged delivery's push, leaving its outcome to the caller to record. */
    private Outcome applyLogged(long deliveryId) {
        WebhookDelivery delivery = log.findDelivery(deliveryId)
                .orElseThrow(() -> new NoSuchElementException("webhook delivery " + deliveryId + " is not logged"));
        WebhookPayload payload = SnapshotReader.readWebhook(delivery.body());
        Outcome outcome = apply(payload);
        if (outcome.numbersMatched() == 0) {
            LOG.log(System.Logger.Level.INFO, "push for {0} matches no stored tracking number", payload.number());
        }
        return outcome;
    }

    private static DeliveryOutcome outcomeOf(Outcome applied) {
        return applied.numbersMatched() == 0 ? DeliveryOutcome.UNKNOWN_NUMBER : DeliveryOutcome.PROCESSED;
    }

    /** Records on the log row that applying a delivery failed for good (the operator may replay it). */
    public void markFailed(long deliveryId, String reason) {
        log.markOutcome(deliveryId, DeliveryOutcome.FAILED, reason);
    }

    /** Applies a parsed push: a snapshot for TRACKING_UPDATED, the stop flag for TRACKING_STOPPED. */
    public Outcome apply(WebhookPayload payload) {
        List<TrackingNumber> targets = targets(payload.number(), payload.carrier());
        int events = 0;
        int moved = 0;
        for (TrackingNumber t : targets) {
            switch (payload.type()) {
                case TRACKING_STOPPED -> snapshots.markStopped(t.id(), clock.instant());
                case TRACKING_UPDATED -> {
                    if (payload.hasSnapshot()) {
                        SnapshotStore.Applied a = snapshots.applySnapshot(t.id(), payload.snapshot(), clock.instant());
                        events += a.eventsAdded();
                        moved += a.statusMoved() ? 1 : 0;
                    }
                }
                case UNKNOWN -> throw new IllegalArgumentException("unknown event type " + payload.rawType());
            }
        }
        return new Outcome(targets.size(), events, moved);
    }

    /** Applies a pulled snapshot (from gettrackinfo) the same way as a push. */
    public Outcome apply(Snapshot snapshot) {
        List<TrackingNumber> targets = targets(snapshot.number(), snapshot.carrier());
        int events = 0;
        int moved = 0;
        for (TrackingNumber t : targets) {
            SnapshotStore.Applied a = snapshots.applySnapshot(t.id(), snapshot, clock.instant());
            events += a.eventsAdded();
            moved += a.statusMoved() ? 1 : 0;
        }
        return new Outcome(targets.size(), events, moved);
    }

    private List<TrackingNumber> targets(String number, Integer carrier) {
        return tracking.findTrackingByNumber(number).stream()
                .filter(t -> t.carrierKey() == null || carrier == null || t.carrierKey().equals(carrier))
                .toList();
    }
}
