package io.trackctl.core.model;

import java.time.Instant;

/** A shop: the tenant that owns tracking numbers, orders and import jobs. */
public record Shop(
        long id,
        String name,
        String platform,
        String storeUrl,
        String timezone,
        ShopStatus status,
        Credential apiKey,
        Credential apiSecret,
        Credential accessToken,
        Instant createdAt,
        Instant updatedAt) {

    public boolean active() {
        return status == ShopStatus.ACTIVE;
    }
}
