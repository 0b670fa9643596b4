package io.trackctl.benchmarks.load;

import java.util.Arrays;

/** Latency samples in nanoseconds, and their percentiles (nearest rank). */
public final class Latencies {

    private long[] samples = new long[1 << 14];
    private int size;

    public void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    public void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.samples[i]);
        }
    }

    public int size() {
        return size;
    }

    /** The {@code p}-th percentile (0 < p <= 100) in milliseconds; 0 when there is no sample. */
    public double percentileMillis(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1_000_000.0;
    }
}
