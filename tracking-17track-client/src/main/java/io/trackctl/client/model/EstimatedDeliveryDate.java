package io.trackctl.client.model;

/** A delivery window: {@code source} is "Official" or "17TRACK"; times are ISO-8601 with offset. */
public record EstimatedDeliveryDate(String source, String from, String to) {
}
