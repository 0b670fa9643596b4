package io.trackctl.core.model;

import java.time.Instant;

/** A webhook delivery to log. {@code body} is already bounded by the caller when it is a rejection. */
public record NewDelivery(Instant receivedAt, String remoteAddress, SignatureVerdict verdict, String eventType,
                          String number, Integer carrier, String dedupeKey, byte[] body, boolean bodyTruncated,
                          String error) {
}
