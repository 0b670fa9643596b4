package io.trackctl.benchmarks;

import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.JobTrigger;
import io.trackctl.core.model.NewDelivery;
import io.trackctl.core.model.NewJob;
import io.trackctl.core.model.SignatureVerdict;
import io.trackctl.core.port.WebhookLog;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The database dedupe layer on SQLite: {@code WebhookLog.recordVerified} (log row, dedupe-key claim,
 * apply job, one transaction) for new keys and for duplicate keys, against the limit: a bare JDBC
 * insert of the same body into a one-table database with the same settings, one commit each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class WebhookLogBenchmark {

    private BenchStore bench;
    private WebhookLog log;
    private byte[] body;
    private long counter;
    private Connection bare;
    private PreparedStatement bareInsert;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        bench = new BenchStore();
        log = bench.store.webhooks();
        body = Pushes.fixture();
        log.recordVerified(delivery("duplicate-key"), job());
        bare = DriverManager.getConnection("jdbc:sqlite:" + bench.dir.resolve("bare.db"));
        try (Statement s = bare.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("CREATE TABLE deliveries (id INTEGER PRIMARY KEY, dedupe_key TEXT UNIQUE, body BLOB)");
        }
        bareInsert = bare.prepareStatement("INSERT INTO deliveries (dedupe_key, body) VALUES (?, ?)");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        bare.close();
        bench.close();
    }

    @Benchmark
    public WebhookLog.Ingested newKey() {
        return log.recordVerified(delivery("new-key-" + counter++), job());
    }

    @Benchmark
    public WebhookLog.Ingested duplicateKey() {
        return log.recordVerified(delivery("duplicate-key"), job());
    }

    @Benchmark
    public int bareInsert() throws SQLException {
        bareInsert.setString(1, "bare-" + counter++);
        bareInsert.setBytes(2, body);
        return bareInsert.executeUpdate();
    }

    private NewDelivery delivery(String key) {
        return new NewDelivery(Instant.now(), "127.0.0.1", SignatureVerdict.VALID, "TRACKING_UPDATED",
                "LX123456789CN", 21051, key, body, false, null);
    }

    private static NewJob job() {
        return new NewJob(JobKind.APPLY_WEBHOOK, JobTrigger.WEBHOOK, null, null, 3, Instant.now());
    }
}
