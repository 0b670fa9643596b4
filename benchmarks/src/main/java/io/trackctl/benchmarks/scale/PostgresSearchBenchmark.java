package io.trackctl.benchmarks.scale;

import io.trackctl.benchmarks.load.Latencies;
import io.trackctl.benchmarks.support.Flags;
import io.trackctl.core.model.NewShop;
import io.trackctl.store.StoreConfig;
import io.trackctl.store.TrackctlStore;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * Keyword search over one million tracking numbers on PostgreSQL through
 * {@code TrackingStore.listTracking}, in a throwaway database on the local server (created through
 * {@code --admin-url}, default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}, and
 * dropped afterwards). The rows are generated inside PostgreSQL with the same numbers as the CSV.
 */
public final class PostgresSearchBenchmark {

    private PostgresSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Flags f = new Flags(args);
        String admin = f.string("admin-url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        int rows = f.integer("rows", 1_000_000);
        String name = "trackctl_bench_" + HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(4));
        String url = admin.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        try {
            try (TrackctlStore store = TrackctlStore.open(StoreConfig.of(url))) {
                long shop = store.shops().create(new NewShop("search shop", "custom", null, null, null, null, null)).id();
                long t = System.nanoTime();
                try (Connection c = DriverManager.getConnection(url);
                     PreparedStatement fill = c.prepareStatement("""
                             INSERT INTO tracking_numbers (shop_id, number, source, created_at, updated_at)
                             SELECT ?, 'BM' || (100000000 + g) || 'US', 'benchmark', now(), now()
                             FROM generate_series(0, ? - 1) g""")) {
                    fill.setLong(1, shop);
                    fill.setInt(2, rows);
                    fill.executeUpdate();
                    try (Statement s = c.createStatement()) {
                        s.execute("ANALYZE tracking_numbers");
                    }
                }
                System.out.printf("filled %d rows in %.1f s%n", rows, (System.nanoTime() - t) / 1e9);
                Latencies l = SearchProbe.run(20, f.integer("searches", 200), rows, SearchProbe.through(store.tracking()));
                ImportBenchmark.print("keyword search, " + rows + " rows, PostgreSQL, TrackingStore", l);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }
}
