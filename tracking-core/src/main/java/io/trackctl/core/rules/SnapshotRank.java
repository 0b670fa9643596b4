package io.trackctl.core.rules;

import io.trackctl.core.snapshot.Snapshot;
import java.time.Instant;

/**
 * How new a snapshot is, as one fixed-width string whose text order is the order of
 * (latest event time, latest provider sync time, providers hash). Storage compares ranks with a
 * plain {@code <=} in SQL, so "only a snapshot at least as new moves the status" holds even when
 * two workers apply snapshots of the same number at once. Missing parts sort first.
 */
public final class SnapshotRank {

    private static final String NONE15 = "000000000000000";

    private SnapshotRank() {
    }

    public static String of(Snapshot s) {
        return of(s.latestEventTime(), s.latestSyncTime(), s.providersHash());
    }

    public static String of(Instant latestEvent, Instant latestSync, Long providersHash) {
        return millis(latestEvent) + millis(latestSync) + hash(providersHash);
    }

    /** True when {@code candidate} may replace {@code stored} (null stored: anything may). */
    public static boolean atLeastAsNew(String candidate, String stored) {
        return stored == null || candidate.compareTo(stored) >= 0;
    }

    private static String millis(Instant t) {
        if (t == null) {
            return NONE15;
        }
        long ms = Math.max(0, t.toEpochMilli()) + 1;
        String digits = Long.toString(ms);
        return NONE15.substring(digits.length()) + digits;
    }

    private static String hash(Long h) {
        if (h == null) {
            return "0";
        }
        String digits = Long.toUnsignedString(h ^ Long.MIN_VALUE);
        return "1" + "00000000000000000000".substring(digits.length()) + digits;
    }
}
