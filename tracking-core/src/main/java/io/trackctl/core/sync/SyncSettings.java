package io.trackctl.core.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * How syncing with 17TRACK behaves: a manual trigger skips numbers synced within
 * {@code freshFor} unless forced; the scheduler runs every {@code interval}, picks numbers whose
 * last sync is older than {@code staleAfter}, at most {@code budgetPerRun} per run.
 */
public record SyncSettings(Duration freshFor, Duration interval, Duration staleAfter, int budgetPerRun,
                           int maxAttempts) {

    public SyncSettings {
        Objects.requireNonNull(freshFor, "freshFor");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("the sync interval must be positive");
        }
        if (budgetPerRun < 0) {
            throw new IllegalArgumentException("the per-run budget cannot be negative");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Fresh for 10 minutes; every 5 minutes pull up to 400 numbers not synced for 6 hours. */
    public static SyncSettings defaults() {
        return new SyncSettings(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofHours(6), 400, 3);
    }
}
