package io.trackctl.client.model;

/** Day counters and the estimated delivery window. */
public record TimeMetrics(Integer daysAfterOrder, Integer daysOfTransit, Integer daysOfTransitDone,
                          Integer daysAfterLastUpdate, EstimatedDeliveryDate estimatedDeliveryDate) {
}
