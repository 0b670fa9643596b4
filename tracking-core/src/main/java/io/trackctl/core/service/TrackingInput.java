package io.trackctl.core.service;

import java.time.Instant;

/**
 * One tracking number as a caller submits it. {@code shopId} may be left out by a shop caller;
 * {@code carrierCode} is a carrier code or a 17TRACK carrier key written as digits.
 */
public record TrackingInput(Long shopId, Long orderId, Long parcelId, String trackingNumber, String carrierCode,
                            String source, Instant shippedAt, Instant deliveredAt) {
}
