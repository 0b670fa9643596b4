package io.trackctl.core.ingest;

/** What the webhook endpoint answers: accepted or duplicate (both 200), or a rejection with its reason. */
public sealed interface IngestResult {

    long deliveryId();

    record Accepted(long deliveryId, long jobId) implements IngestResult {
    }

    record Duplicate(long deliveryId) implements IngestResult {
    }

    record Rejected(long deliveryId, Reason reason, String message) implements IngestResult {
    }

    enum Reason {
        /** No webhook key configured: nothing to verify with. */
        NOT_CONFIGURED,
        /** Signature header absent. */
        MISSING_SIGNATURE,
        /** Signature does not match the body under any key. */
        BAD_SIGNATURE,
        /** Timestamp header present but outside the allowed window, or unreadable. */
        STALE_TIMESTAMP,
        /** The body is not a 17TRACK push. */
        MALFORMED,
        /** The body is larger than the limit. */
        TOO_LARGE
    }
}
