package io.trackctl.core.imports;

/**
 * One row to import, as text: from a CSV line or a JSON batch item. {@code lineNumber} is the
 * 1-based line the record starts on (the item's position for a JSON batch).
 */
public record ImportRow(long lineNumber, String rawLine, String trackingNumber, String carrier, String parcelNo,
                        String orderExternalId, String source, String shippedAt) {
}
