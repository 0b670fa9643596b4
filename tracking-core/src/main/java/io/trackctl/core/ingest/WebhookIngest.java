package io.trackctl.core.ingest;

import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.JobTrigger;
import io.trackctl.core.model.NewDelivery;
import io.trackctl.core.model.NewJob;
import io.trackctl.core.model.SignatureVerdict;
import io.trackctl.core.port.DedupeCache;
import io.trackctl.core.port.JobQueue;
import io.trackctl.core.port.WebhookLog;
import io.trackctl.core.rules.DedupeKey;
import io.trackctl.core.snapshot.MalformedPayloadException;
import io.trackctl.core.snapshot.SnapshotReader;
import io.trackctl.core.snapshot.WebhookHead;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The webhook hot path, independent of any HTTP server: verify the signature on the raw bytes,
 * parse just enough to compute the dedupe key, then record the delivery and its apply job in one
 * transaction. Nothing here calls 17TRACK or applies a snapshot: a worker does that later. A
 * {@link io.trackctl.core.retry.TransientFailureException} from the log means the delivery was
 * not stored and must be answered so that 17TRACK delivers it again.
 */
public final class WebhookIngest {

    /** How much of a rejected body the log keeps. */
    public static final int REJECTED_BODY_LIMIT = 4096;

    private final WebhookLog log;
    private final JobQueue queue;
    private final SignatureVerifier verifier;
    private final List<DedupeCache> fastLayers;
    private final Duration timestampWindow;
    private final int maxAttempts;

    /**
     * @param fastLayers dedupe layers in front of the database, fastest first (in memory, Redis)
     * @param timestampWindow how far an {@code X-17Track-Timestamp} may be from now, either way
     * @param maxAttempts attempts the apply job gets under the retry policy
     */
    public WebhookIngest(WebhookLog log, JobQueue queue, SignatureVerifier verifier, List<DedupeCache> fastLayers,
                         Duration timestampWindow, int maxAttempts) {
        this.log = Objects.requireNonNull(log, "log");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.fastLayers = List.copyOf(fastLayers);
        this.timestampWindow = Objects.requireNonNull(timestampWindow, "timestampWindow");
        this.maxAttempts = maxAttempts;
    }

    public IngestResult receive(IncomingDelivery in) {
        if (!verifier.configured()) {
            return reject(in, SignatureVerdict.NOT_CONFIGURED, IngestResult.Reason.NOT_CONFIGURED,
                    "no webhook key is configured, so deliveries cannot be verified");
        }
        if (in.signature() == null || in.signature().isBlank()) {
            return reject(in, SignatureVerdict.MISSING, IngestResult.Reason.MISSING_SIGNATURE,
                    "signature header 'sign' (or 'X-17Track-Signature') is missing");
        }
        if (!verifier.verify(in.body(), in.signature())) {
            return reject(in, SignatureVerdict.INVALID, IngestResult.Reason.BAD_SIGNATURE,
                    "signature does not match the body");
        }
        if (in.timestamp() != null && !in.timestamp().isBlank() && !fresh(in.timestamp(), in.receivedAt())) {
            return reject(in, SignatureVerdict.STALE_TIMESTAMP, IngestResult.Reason.STALE_TIMESTAMP,
                    "timestamp is missing a valid value or is outside the allowed window of "
                            + timestampWindow.toSeconds() + " s");
        }
        WebhookHead head;
        try {
            head = SnapshotReader.readWebhookHead(in.body());
        } catch (MalformedPayloadException e) {
            return reject(in, SignatureVerdict.VALID, IngestResult.Reason.MALFORMED, e.getMessage());
        }
        DedupeKey key = DedupeKey.of(head);
        NewDelivery delivery = new NewDelivery(in.receivedAt(), in.remoteAddress(), SignatureVerdict.VALID,
                head.rawType(), head.number(), head.carrier(), key.text(), in.body(), false, null);
        if (seenByFastLayer(key)) {
            return new IngestResult.Duplicate(log.recordDuplicate(delivery));
        }
        NewJob job = new NewJob(JobKind.APPLY_WEBHOOK, JobTrigger.WEBHOOK, null, null, maxAttempts, in.receivedAt());
        WebhookLog.Ingested stored = log.recordVerified(delivery, job);
        remember(key);
        return switch (stored) {
            case WebhookLog.Accepted a -> {
                queue.signal(JobKind.APPLY_WEBHOOK);
                yield new IngestResult.Accepted(a.deliveryId(), a.jobId());
            }
            case WebhookLog.Duplicate d -> new IngestResult.Duplicate(d.deliveryId());
        };
    }

    /**
     * Logs a body refused for its size, before any signature check. {@code in} may hold only the
     * head of the body: the row is always marked truncated.
     */
    public IngestResult rejectTooLarge(IncomingDelivery in, long limit) {
        return reject(in, SignatureVerdict.UNCHECKED, IngestResult.Reason.TOO_LARGE,
                "body is larger than the limit of " + limit + " bytes", true);
    }

    private boolean seenByFastLayer(DedupeKey key) {
        for (DedupeCache layer : fastLayers) {
            try {
                if (layer.seen(key)) {
                    return true;
                }
            } catch (RuntimeException e) {
                // A fast layer that cannot answer (Redis down) is a miss: the database decides.
            }
        }
        return false;
    }

    /** Called only after the database committed the key, so a fast layer never claims an unstored delivery. */
    private void remember(DedupeKey key) {
        for (DedupeCache layer : fastLayers) {
            try {
                layer.firstSighting(key);
            } catch (RuntimeException e) {
                // A fast layer that cannot record only costs a later database round trip.
            }
        }
    }

    private IngestResult reject(IncomingDelivery in, SignatureVerdict verdict, IngestResult.Reason reason,
                                String message) {
        return reject(in, verdict, reason, message, false);
    }

    private IngestResult reject(IncomingDelivery in, SignatureVerdict verdict, IngestResult.Reason reason,
                                String message, boolean partial) {
        byte[] body = in.body();
        boolean truncated = partial || body.length > REJECTED_BODY_LIMIT;
        byte[] kept = truncated ? Arrays.copyOf(body, Math.min(body.length, REJECTED_BODY_LIMIT)) : body;
        long id = log.recordRejected(new NewDelivery(in.receivedAt(), in.remoteAddress(), verdict, null, null, null,
                null, kept, truncated, reason.name() + ": " + message));
        return new IngestResult.Rejected(id, reason, message);
    }

    private boolean fresh(String header, Instant now) {
        Instant at = parseTimestamp(header.trim());
        return at != null && Duration.between(at, now).abs().compareTo(timestampWindow) <= 0;
    }

    /** Epoch seconds, epoch milliseconds, or an ISO-8601 instant; null when unreadable. */
    static Instant parseTimestamp(String text) {
        try {
            long n = Long.parseLong(text);
            return n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        } catch (NumberFormatException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeException e2) {
                return null;
            }
        }
    }
}
