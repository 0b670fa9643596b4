package io.trackctl.benchmarks;

import io.trackctl.core.model.NewShop;
import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.core.port.TrackingStore;
import io.trackctl.store.StoreConfig;
import io.trackctl.store.TrackctlStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A throwaway SQLite store in a temporary directory for a benchmark trial, deleted on close. */
final class BenchStore implements AutoCloseable {

    final Path dir;
    final String jdbcUrl;
    final TrackctlStore store;

    BenchStore() {
        try {
            dir = Files.createTempDirectory("trackctl-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbcUrl = "jdbc:sqlite:" + dir.resolve("bench.db");
        store = TrackctlStore.open(StoreConfig.of(jdbcUrl));
    }

    /** Creates a shop with {@code count} tracking numbers named by {@code prefix}; returns their ids in order. */
    long[] numbers(String prefix, int count) {
        long shop = store.shops().create(new NewShop("bench " + prefix, "custom", null, null, null, null, null)).id();
        long[] ids = new long[count];
        List<NewTrackingNumber> batch = new ArrayList<>();
        int at = 0;
        for (int n = 0; n < count; n++) {
            batch.add(new NewTrackingNumber(shop, null, null, prefix + (100_000_000 + n) + "US", null, null,
                    "benchmark", null, null));
            if (batch.size() == 1000 || n == count - 1) {
                for (TrackingStore.CreateOutcome o : store.tracking().createTrackingBatch(batch)) {
                    ids[at++] = ((TrackingStore.Created) o).tracking().id();
                }
                batch.clear();
            }
        }
        return ids;
    }

    @Override
    public void close() {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
