package io.trackctl.core.model;

/** What became of a webhook delivery. */
public enum DeliveryOutcome {
    ACCEPTED,
    DUPLICATE,
    REJECTED,
    PROCESSED,
    /** Processed, but no stored tracking number has that number. */
    UNKNOWN_NUMBER,
    FAILED
}
