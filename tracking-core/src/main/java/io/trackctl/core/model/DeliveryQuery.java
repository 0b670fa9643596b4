package io.trackctl.core.model;

import java.time.Instant;

/** Filters for listing and replaying webhook deliveries; null means "any". */
public record DeliveryQuery(DeliveryOutcome outcome, String number, Instant receivedFrom, Instant receivedTo) {
}
