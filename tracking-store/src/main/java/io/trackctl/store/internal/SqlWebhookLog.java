package io.trackctl.store.internal;

import io.trackctl.core.model.DeliveryOutcome;
import io.trackctl.core.model.DeliveryQuery;
import io.trackctl.core.model.NewDelivery;
import io.trackctl.core.model.NewJob;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.WebhookDelivery;
import io.trackctl.core.port.WebhookLog;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The webhook log and dedupe authority: a verified delivery is logged claiming its dedupe key, and
 * its job enqueued, in one transaction, so a 200 answer means the delivery is durable. The claim is
 * a unique index on the log itself (number, key, claimed); a delivery whose key another row holds is
 * logged as a duplicate instead. Deliveries arriving together share that transaction
 * ({@link GroupCommit}): one commit for many pushes.
 */
public final class SqlWebhookLog implements WebhookLog {

    /**
     * The outcomes webhook_logs_attention_idx holds (migration V7): the ones an operator looks for.
     * A push accepted and applied to a stored number never reaches one of them.
     */
    private static final Set<DeliveryOutcome> ATTENTION =
            EnumSet.of(DeliveryOutcome.FAILED, DeliveryOutcome.REJECTED, DeliveryOutcome.UNKNOWN_NUMBER);

    /** The most deliveries one shared transaction takes. */
    private static final int MAX_GROUP = 64;

    private final Db db;
    private final SqlJobQueue jobs;
    private final GroupCommit group;

    public SqlWebhookLog(Db db, SqlJobQueue jobs) {
        this.db = db;
        this.jobs = jobs;
        this.group = new GroupCommit(db, MAX_GROUP, "trackctl-webhook-writer");
    }

    /** What one delivery's unit wrote: the answer and the job to announce once committed. */
    private record Recorded(Ingested result, List<SqlJobQueue.Pending> enqueued) {
    }

    @Override
    public Ingested recordVerified(NewDelivery delivery, NewJob job) {
        if (delivery.dedupeKey() != null && delivery.number() == null) {
            // The claim is unique per (number, key): without the number it would not be unique at all.
            throw new IllegalArgumentException("a delivery with a dedupe key must name its tracking number");
        }
        Recorded recorded = group.submit(x -> {
            Instant now = db.now();
            long id;
            if (delivery.dedupeKey() == null) {
                id = insert(x, delivery, DeliveryOutcome.ACCEPTED, now);
            } else {
                Optional<Long> claimed = insertClaiming(x, delivery, now);
                if (claimed.isEmpty()) {
                    return new Recorded(new Duplicate(insert(x, delivery, DeliveryOutcome.DUPLICATE, now)), List.of());
                }
                id = claimed.get();
            }
            NewJob withRef = new NewJob(job.kind(), job.trigger(), job.trackingId(), id, job.maxAttempts(), job.runAt());
            List<SqlJobQueue.Pending> enqueued = jobs.insert(x, List.of(withRef));
            return new Recorded(new Accepted(id, enqueued.getFirst().id()), enqueued);
        });
        jobs.announce(recorded.enqueued());
        return recorded.result();
    }

    @Override
    public long recordRejected(NewDelivery delivery) {
        return group.submit(x -> insert(x, delivery, DeliveryOutcome.REJECTED, db.now()));
    }

    @Override
    public long recordDuplicate(NewDelivery delivery) {
        return group.submit(x -> insert(x, delivery, DeliveryOutcome.DUPLICATE, db.now()));
    }

    /** Logs a delivery that claims no dedupe key. */
    private long insert(Db.Exec x, NewDelivery d, DeliveryOutcome outcome, Instant now) {
        return x.insertReturningId("webhook.insert", row(d, outcome, now)).orElseThrow();
    }

    /** Logs an accepted delivery claiming its dedupe key; empty, with nothing written, when another row holds it. */
    private Optional<Long> insertClaiming(Db.Exec x, NewDelivery d, Instant now) {
        return x.insertReturningId("webhook.insert-claiming", row(d, DeliveryOutcome.ACCEPTED, now));
    }

    private Params row(NewDelivery d, DeliveryOutcome outcome, Instant now) {
        return db.params().put("received_at", d.receivedAt())
                .put("remote_address", d.remoteAddress()).put("verdict", d.verdict()).put("event_type", d.eventType())
                .put("number", d.number()).put("carrier", d.carrier()).put("dedupe_key", d.dedupeKey())
                .put("outcome", outcome).put("body", d.body()).put("body_truncated", d.bodyTruncated())
                .put("error", d.error()).put("now", now);
    }

    @Override
    public void markOutcome(long deliveryId, DeliveryOutcome outcome, String error) {
        Instant now = db.now();
        db.write(x -> x.dml("webhook.set-outcome", outcomeParams(deliveryId, outcome, error, now)));
    }

    /**
     * One transaction, the statement prepared once: a writer's turn for the lot, not one per
     * delivery. Rows are updated in id order, so that two workers marking overlapping deliveries on
     * PostgreSQL take their row locks in the same order.
     */
    @Override
    public void markOutcomes(Map<Long, DeliveryOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        Instant now = db.now();
        db.batch(x -> {
            new TreeMap<>(outcomes).forEach((id, outcome) ->
                    x.dml("webhook.set-outcome", outcomeParams(id, outcome, null, now)));
            return null;
        });
    }

    private Params outcomeParams(long deliveryId, DeliveryOutcome outcome, String error, Instant now) {
        boolean done = switch (outcome) {
            case PROCESSED, UNKNOWN_NUMBER, FAILED -> true;
            case ACCEPTED, DUPLICATE, REJECTED -> false;
        };
        return db.params().put("id", deliveryId).put("outcome", outcome).put("error", error)
                .put("processed_at", done ? now : null).put("now", now);
    }

    @Override
    public Optional<WebhookDelivery> findDelivery(long id) {
        return db.read(x -> x.get("webhook.find", db.params().put("id", id), Mappers::delivery));
    }

    @Override
    public Page<WebhookDelivery> listDeliveries(DeliveryQuery query, PageRequest page) {
        Params p = db.params().put("outcome", query.outcome()).put("number", query.number())
                .put("received_from", query.receivedFrom()).put("received_to", query.receivedTo());
        String by = query.number() != null ? "-by-number"
                : ATTENTION.contains(query.outcome()) ? "-attention"
                : "";
        return db.read(x -> x.page("webhook.list" + by, "webhook.count" + by, p, page, Mappers::delivery));
    }
}
