package io.trackctl.core.model;

import io.trackctl.core.rules.TrackingState;
import java.time.Instant;

/** A stored tracking number with its normalized status ({@link TrackingState}). */
public record TrackingNumber(
        long id,
        long shopId,
        Long orderId,
        Long parcelId,
        String number,
        Long carrierId,
        Integer carrierKey,
        String source,
        TrackingState state,
        Instant shippedAt,
        RegistrationState registration,
        String registrationError,
        Instant lastSyncAt,
        Instant createdAt,
        Instant updatedAt) {
}
