package io.trackctl.benchmarks;

import io.trackctl.core.port.SnapshotStore;
import io.trackctl.core.snapshot.ProviderTrack;
import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.SnapshotEvent;
import io.trackctl.core.status.Stage;
import io.trackctl.core.status.SubStatus;
import io.trackctl.core.status.TrackStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Applying generated snapshots into SQLite through {@code SnapshotStore.applySnapshot}, scored in
 * events per second ({@value #EVENTS} events per snapshot, each snapshot for the next tracking
 * number, so every event is new). {@code reapply} applies snapshots already stored (nothing new:
 * the duplicate-push path). The limit: a bare JDBC batch insert of the same rows and a status
 * update in one transaction, into the same database.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SnapshotApplyBenchmark {

    static final int EVENTS = 10;
    private static final int NUMBERS = 1 << 16;
    private static final Instant BASE = Instant.parse("2026-11-01T00:00:00Z");

    private BenchStore bench;
    private SnapshotStore snapshots;
    private long[] ids;
    private long[] bareIds;
    private Snapshot[] generated;
    private int next;
    private int nextBare;
    private int again;
    private Connection bare;
    private PreparedStatement insertEvent;
    private PreparedStatement updateStatus;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        bench = new BenchStore();
        snapshots = bench.store.snapshots();
        ids = bench.numbers("AP", NUMBERS);
        bareIds = bench.numbers("BA", NUMBERS);
        generated = new Snapshot[NUMBERS];
        for (int n = 0; n < NUMBERS; n++) {
            generated[n] = snapshot("AP" + (100_000_000 + n) + "US", n);
        }
        bare = DriverManager.getConnection(bench.jdbcUrl);
        bare.createStatement().execute("PRAGMA busy_timeout=10000");
        bare.setAutoCommit(false);
        insertEvent = bare.prepareStatement("""
                INSERT INTO tracking_events (tracking_id, time_utc, time_local, description, location, stage,
                    sub_status, provider_key, content_hash, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tracking_id, time_utc, provider_key, content_hash) DO NOTHING""");
        updateStatus = bare.prepareStatement("""
                UPDATE tracking_numbers SET track_status = ?, sub_status = ?, latest_event_at = ?,
                    latest_event_text = ?, last_sync_at = ?, updated_at = ? WHERE id = ?""");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        bare.close();
        bench.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public SnapshotStore.Applied applyNew() {
        int n = next++ % NUMBERS;
        return snapshots.applySnapshot(ids[n], generated[n], Instant.now());
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public SnapshotStore.Applied reapply() {
        int n = again++ % Math.max(1, Math.min(next, NUMBERS));
        return snapshots.applySnapshot(ids[n], generated[n], Instant.now());
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int bareInsert() throws SQLException {
        int n = nextBare++ % NUMBERS;
        Snapshot s = generated[n];
        String now = Instant.now().toString();
        for (SnapshotEvent e : s.events()) {
            insertEvent.setLong(1, bareIds[n]);
            insertEvent.setString(2, e.timeUtc().toString());
            insertEvent.setString(3, null);
            insertEvent.setString(4, e.description());
            insertEvent.setString(5, e.location());
            insertEvent.setString(6, e.rawStage());
            insertEvent.setString(7, e.rawSubStatus());
            insertEvent.setInt(8, e.providerKey());
            insertEvent.setString(9, Integer.toHexString((e.description() + e.location()).hashCode()));
            insertEvent.setString(10, now);
            insertEvent.setString(11, now);
            insertEvent.addBatch();
        }
        insertEvent.executeBatch();
        updateStatus.setString(1, "IN_TRANSIT");
        updateStatus.setString(2, "IN_TRANSIT_ARRIVAL");
        updateStatus.setString(3, s.latestEvent().timeUtc().toString());
        updateStatus.setString(4, s.latestEvent().description());
        updateStatus.setString(5, now);
        updateStatus.setString(6, now);
        updateStatus.setLong(7, bareIds[n]);
        int updated = updateStatus.executeUpdate();
        bare.commit();
        return updated;
    }

    private static Snapshot snapshot(String number, int n) {
        List<SnapshotEvent> events = new ArrayList<>(EVENTS);
        for (int e = EVENTS; e >= 1; e--) {
            events.add(new SnapshotEvent(BASE.plusSeconds(3600L * e + n), null, "Arrived at facility " + e,
                    "Memphis, TN", Stage.ARRIVAL, "Arrival", SubStatus.IN_TRANSIT_ARRIVAL, "InTransit_Arrival", 21051));
        }
        SnapshotEvent latest = events.getFirst();
        return new Snapshot(number, 21051, null, TrackStatus.parse("InTransit", "InTransit_Arrival"), latest,
                List.of(new ProviderTrack(21051, "USPS", "US", (long) n, latest.timeUtc(), events)), (long) n * 31 + 7);
    }
}
