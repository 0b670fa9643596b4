package io.trackctl.examples;

import io.trackctl.core.ingest.SnapshotApplier;
import io.trackctl.core.model.NewShop;
import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.model.TrackingQuery;
import io.trackctl.core.snapshot.SnapshotReader;
import io.trackctl.store.StoreConfig;
import io.trackctl.store.TrackctlStore;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/**
 * Example 2: the same library on PostgreSQL. The only difference from SQLite is the JDBC URL,
 * read here from {@code TRACKCTL_EXAMPLE_DB} (default: the local server's {@code test} database as
 * user {@code postgres}). Adds two numbers, applies a push, and searches by keyword.
 */
public final class PostgresExample {

    /** The environment variable holding the JDBC URL. */
    public static final String ENV = "TRACKCTL_EXAMPLE_DB";

    private PostgresExample() {
    }

    public static void main(String[] args) throws IOException {
        run(System.getenv().getOrDefault(ENV, "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"), System.out);
    }

    /** Returns the numbers the keyword search found. */
    public static List<TrackingNumber> run(String jdbcUrl, PrintStream out) throws IOException {
        // Credentials may be in the URL (?user=...&password=...) or given with withCredentials(...).
        try (TrackctlStore store = TrackctlStore.open(StoreConfig.of(jdbcUrl))) {
            out.println("connected to " + store.dialectName());
            long shop = store.shops().create(new NewShop("Example shop", "custom", null, null, null, null, null)).id();

            // Numbers can be added directly through the storage port (the HTTP API and the CLI go
            // through TrackingService, which adds validation and registration with 17TRACK).
            store.tracking().createTrackingBatch(List.of(
                    new NewTrackingNumber(shop, null, null, "LX900000015CN", null, null, "example", null, null),
                    new NewTrackingNumber(shop, null, null, "RR123456785GB", null, null, "example", null, null)));

            new SnapshotApplier(store.tracking(), store.snapshots(), store.webhooks(), Clock.systemUTC())
                    .apply(SnapshotReader.readWebhook(SqliteExample.readResource("push-delivered.json")));

            // A keyword matches any part of the number; on PostgreSQL a trigram index answers it.
            Page<TrackingNumber> found = store.tracking().listTracking(
                    new TrackingQuery(shop, null, "900000015", null, null), PageRequest.FIRST);
            for (TrackingNumber t : found.items()) {
                out.println(t.number() + " is " + t.state().status().main());
            }
            return found.items();
        }
    }
}
