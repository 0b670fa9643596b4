package io.trackctl.core.model;

import java.time.Instant;

/** Order list filters; null means "any". {@code shopId} is also the tenant scope. */
public record OrderQuery(Long shopId, Instant createdFrom, Instant createdTo) {
}
