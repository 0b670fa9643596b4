package io.trackctl.core.model;

import io.trackctl.core.snapshot.TrackingNumbers;
import java.time.Instant;
import java.util.Objects;

/** A tracking number to store; the number is normalized here and must be valid. */
public record NewTrackingNumber(long shopId, Long orderId, Long parcelId, String number, Long carrierId,
                                Integer carrierKey, String source, Instant shippedAt, Instant deliveredAt) {

    public NewTrackingNumber {
        number = TrackingNumbers.normalize(Objects.requireNonNull(number, "number"));
        String problem = TrackingNumbers.problem(number);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        source = source == null || source.isBlank() ? "api" : source.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
