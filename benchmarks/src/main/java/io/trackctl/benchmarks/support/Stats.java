package io.trackctl.benchmarks.support;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Median and spread (min..max) of repeated measurements. */
public record Stats(double median, double min, double max) {

    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurement");
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return new Stats(median, v[0], v[v.length - 1]);
    }

    /** e.g. {@code 1234.5 (1200.0..1300.0)}. */
    public String format(String pattern) {
        return String.format(Locale.ROOT, pattern + " (" + pattern + ".." + pattern + ")", median, min, max);
    }
}
