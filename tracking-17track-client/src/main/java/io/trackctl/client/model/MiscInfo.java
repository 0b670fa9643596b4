package io.trackctl.client.model;

/** Parcel facts the carrier printed; numbers such as {@code weight_kg} and {@code pieces} stay strings. */
public record MiscInfo(Integer riskFactor, String serviceType, String weightRaw, String weightKg, String pieces,
                       String dimensions, String customerNumber, String referenceNumber, String localNumber,
                       String localProvider, Integer localKey) {
}
