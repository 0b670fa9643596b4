package io.trackctl.examples;

import io.trackctl.core.imports.ImportPipeline;
import io.trackctl.core.imports.ImportService;
import io.trackctl.core.ingest.SnapshotApplier;
import io.trackctl.core.model.ImportJob;
import io.trackctl.core.model.NewShop;
import io.trackctl.core.model.Shop;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.snapshot.SnapshotReader;
import io.trackctl.core.snapshot.WebhookPayload;
import io.trackctl.store.StoreConfig;
import io.trackctl.store.TrackctlStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Example 1: trackctl as a library on a SQLite file. Creates a shop, imports a CSV of tracking
 * numbers, applies a 17TRACK webhook push to them, and prints the resulting status.
 *
 * <p>Run it with a directory for the database file: {@code SqliteExample /tmp/trackctl-example}.
 */
public final class SqliteExample {

    private SqliteExample() {
    }

    public static void main(String[] args) throws IOException {
        run(Path.of(args.length > 0 ? args[0] : "trackctl-example"), System.out);
    }

    /** The whole walk-through; returns the status the pushed number ends in. */
    public static String run(Path dataDir, PrintStream out) throws IOException {
        // The store is the database plus every storage port. Opening it creates the file and
        // applies the schema migrations; a jdbc:postgresql: URL would work the same way.
        try (TrackctlStore store = TrackctlStore.open(StoreConfig.of("jdbc:sqlite:" + dataDir.resolve("example.db")))) {

            // 1. A shop: every tracking number belongs to one (the tenant of the HTTP API).
            Shop shop = store.shops().create(new NewShop("Example shop", "custom", null, null, null, null, null));
            out.println("created shop " + shop.id());

            // 2. Import a CSV. The import service streams the file, validates each row, writes the good
            //    rows in batches and records each bad row with its line number and reason.
            ImportService imports = new ImportService(store.shops(), store.imports(), store.jobs(),
                    new ImportPipeline(store.tracking(), store.orders(), store.carriers(), ImportPipeline.DEFAULT_BATCH_SIZE),
                    created -> { }, // would register the new numbers with 17TRACK; no API key here
                    Clock.systemUTC());
            Path csv = copyResource("numbers.csv", dataDir);
            ImportJob job = imports.runCsvNow(shop.id(), "numbers.csv", csv, (counts, errors, created) -> { });
            out.println("import " + job.status() + ": " + job.counts().succeeded() + " stored, "
                    + job.counts().failed() + " refused");

            // 3. A 17TRACK push, as the raw bytes a webhook would deliver. The reader is lenient: it maps
            //    17TRACK's status vocabulary and ignores fields it does not need.
            WebhookPayload push = SnapshotReader.readWebhook(readResource("push-delivered.json"));

            // 4. Apply it: new events are added once, the status moves only forward in time.
            //    Applying the same push again (17TRACK re-sends) changes nothing.
            SnapshotApplier applier = new SnapshotApplier(store.tracking(), store.snapshots(), store.webhooks(),
                    Clock.systemUTC());
            SnapshotApplier.Outcome outcome = applier.apply(push);
            out.println("push for " + push.number() + ": " + outcome.eventsAdded() + " events added");

            // 5. Read the result back.
            TrackingNumber tracked = store.tracking().findTrackingByNumber(push.number()).getFirst();
            String status = tracked.state().status().main().name();
            out.println(tracked.number() + " is " + status + " (" + tracked.state().latestEventText() + ")");
            return status;
        }
    }

    static byte[] readResource(String name) throws IOException {
        try (InputStream in = SqliteExample.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing example resource " + name);
            }
            return in.readAllBytes();
        }
    }

    private static Path copyResource(String name, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.write(file, readResource(name));
        return file;
    }
}
