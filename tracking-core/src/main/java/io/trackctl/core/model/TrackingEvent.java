package io.trackctl.core.model;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A stored event. {@code localTime} keeps the carrier's offset; order and compare by {@code timeUtc}. */
public record TrackingEvent(long id, long trackingId, Instant timeUtc, OffsetDateTime localTime, String description,
                            String location, String stage, String subStatus, int providerKey, String contentHash,
                            Instant createdAt) {
}
