package io.trackctl.benchmarks.scale;

import io.trackctl.benchmarks.load.Latencies;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.TrackingQuery;
import io.trackctl.core.port.TrackingStore;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Keyword searches as an operator types them: a random 8-character piece of an existing number
 * (so each search finds a few rows among a million), one after another, first page of 20.
 */
final class SearchProbe {

    private SearchProbe() {
    }

    static String keyword(Random random, int rows) {
        String n = NumbersCsv.number(random.nextInt(rows));
        int from = 2 + random.nextInt(n.length() - 2 - 8);
        return n.substring(from, from + 8);
    }

    /** Runs {@code warmup} then {@code count} timed searches; returns the latencies of the timed ones. */
    static Latencies run(int warmup, int count, int rows, Consumer<String> search) {
        Random random = new Random(7);
        for (int i = 0; i < warmup; i++) {
            search.accept(keyword(random, rows));
        }
        Latencies l = new Latencies();
        for (int i = 0; i < count; i++) {
            String k = keyword(random, rows);
            long t = System.nanoTime();
            search.accept(k);
            l.add(System.nanoTime() - t);
        }
        return l;
    }

    static Consumer<String> through(TrackingStore store) {
        return k -> {
            if (store.listTracking(new TrackingQuery(null, null, k, null, null), PageRequest.FIRST).items().isEmpty()) {
                throw new IllegalStateException("keyword " + k + " found nothing");
            }
        };
    }
}
