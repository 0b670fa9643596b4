package io.trackctl.core.rules;

import io.trackctl.core.snapshot.Snapshot;
import java.time.Instant;

/**
 * How new a snapshot is, as one fixed-width string whose text order is the order of
 * (latest event time, latest provider sync time, providers hash). Storage compares ranks with a
 * plain {@code <=} in SQL, so "only a snapshot at least as new moves the status" holds even when
 * two workers apply snapshots of the same number at once. Missing parts sort first.
 *
 * <p>Times are kept to the millisecond from 1970-01-01 to the year 33658 (15 digits); a time outside
 * that span (carrier garbage) is clamped to its nearest end instead of breaking the fixed width.
 */
public final class SnapshotRank {

    private static final String NONE15 = "000000000000000";
    /** The largest millisecond value whose encoding (value + 1) still has 15 digits. */
    private static final long MAX_MILLIS = 999_999_999_999_998L;
    private static final Instant MAX_INSTANT = Instant.ofEpochMilli(MAX_MILLIS);

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
        long ms;
        if (t.isBefore(Instant.EPOCH)) {
            ms = 1;
        } else if (t.isAfter(MAX_INSTANT)) {
            ms = MAX_MILLIS + 1;
        } else {
            ms = t.toEpochMilli() + 1;
        }
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
