package io.trackctl.core.port;

import io.trackctl.core.model.DeliveryOutcome;
import io.trackctl.core.model.DeliveryQuery;
import io.trackctl.core.model.NewDelivery;
import io.trackctl.core.model.NewJob;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.WebhookDelivery;
import java.util.Map;
import java.util.Optional;

/** The durable log of webhook deliveries ({@code tracking_webhook_logs}) and the dedupe authority. */
public interface WebhookLog {

    /** The outcome of recording a verified delivery. */
    sealed interface Ingested permits Accepted, Duplicate {
        long deliveryId();
    }

    record Accepted(long deliveryId, long jobId) implements Ingested {
    }

    record Duplicate(long deliveryId) implements Ingested {
    }

    /**
     * In one transaction: logs the delivery and, unless its dedupe key was recorded before for the
     * same tracking number, claims the key and enqueues {@code job} (whose refId is set to the new
     * delivery id). A key is claimed per number: {@link io.trackctl.core.rules.DedupeKey} starts with
     * the number, so keys of different numbers never meet. A delivery with a key must name its
     * number. Throws {@link io.trackctl.core.retry.TransientFailureException} when the database
     * cannot take the write.
     */
    Ingested recordVerified(NewDelivery delivery, NewJob job);

    /** Logs a delivery refused before processing (bad signature, bad body). */
    long recordRejected(NewDelivery delivery);

    /**
     * Logs a verified delivery that a fast dedupe layer already knows as recorded (outcome
     * DUPLICATE, no job). Only keys recorded after a committed {@link #recordVerified} reach a
     * fast layer, so this never drops a delivery that was not stored before.
     */
    long recordDuplicate(NewDelivery delivery);

    void markOutcome(long deliveryId, DeliveryOutcome outcome, String error);

    /**
     * Records the outcomes of several deliveries, with no error, together where the store can (one
     * transaction): the marks of a batch of applied deliveries.
     */
    default void markOutcomes(Map<Long, DeliveryOutcome> outcomes) {
        outcomes.forEach((id, outcome) -> markOutcome(id, outcome, null));
    }

    Optional<WebhookDelivery> findDelivery(long id);

    Page<WebhookDelivery> listDeliveries(DeliveryQuery query, PageRequest page);
}
