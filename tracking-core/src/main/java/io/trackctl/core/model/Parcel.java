package io.trackctl.core.model;

import java.time.Instant;

/** One parcel of an order. */
public record Parcel(long id, long orderId, String parcelNo, Instant createdAt) {
}
