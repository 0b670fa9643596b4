package io.trackctl.benchmarks.load;

import java.util.Locale;

/** What one timed load run measured (the warm-up excluded). */
public record LoadReport(String target, int concurrency, double seconds, long ok, long failed,
                         double p50Millis, double p90Millis, double p99Millis) {

    /** Answers 200 per second. */
    public double throughput() {
        return seconds <= 0 ? 0 : ok / seconds;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "%s: %d connections, %.1f s, %d x 200 (%.0f/s), %d other, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms",
                target, concurrency, seconds, ok, throughput(), failed, p50Millis, p90Millis, p99Millis);
    }
}
