package io.trackctl.core.model;

import java.time.Instant;

/** A logged webhook delivery (row of {@code tracking_webhook_logs}). */
public record WebhookDelivery(long id, Instant receivedAt, String remoteAddress, SignatureVerdict verdict,
                              String eventType, String number, Integer carrier, String dedupeKey,
                              DeliveryOutcome outcome, byte[] body, boolean bodyTruncated, String error,
                              Instant processedAt) {
}
