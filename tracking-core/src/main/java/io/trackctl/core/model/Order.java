package io.trackctl.core.model;

import java.time.Instant;

/** A shop's order, known by the shop's own external id. */
public record Order(long id, long shopId, String externalId, String orderNumber, Instant orderedAt,
                    Instant createdAt, Instant updatedAt) {
}
