package io.trackctl.core.port;

import io.trackctl.core.rules.DedupeKey;

/**
 * A fast dedupe layer in front of the database's constraint (in memory, Redis). A layer may forget
 * (eviction, expiry, outage) but must never claim a key it was not given: "seen" is a promise.
 */
public interface DedupeCache {

    /** Records the key; true when it was not there before (or the layer cannot tell). */
    boolean firstSighting(DedupeKey key);

    /** Whether the key has been recorded. */
    boolean seen(DedupeKey key);
}
