package io.trackctl.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;
import io.trackctl.core.port.AlertStore;
import io.trackctl.core.port.CarrierStore;
import io.trackctl.core.port.EventStore;
import io.trackctl.core.port.ImportStore;
import io.trackctl.core.port.JobQueue;
import io.trackctl.core.port.OrderStore;
import io.trackctl.core.port.ShopStore;
import io.trackctl.core.port.SnapshotStore;
import io.trackctl.core.port.TrackingStore;
import io.trackctl.core.port.WebhookLog;
import io.trackctl.core.retry.TransientFailureException;
import io.trackctl.store.internal.Db;
import io.trackctl.store.internal.Dialect;
import io.trackctl.store.internal.SqlAlertStore;
import io.trackctl.store.internal.SqlCarrierStore;
import io.trackctl.store.internal.SqlEventStore;
import io.trackctl.store.internal.SqlImportStore;
import io.trackctl.store.internal.SqlJobQueue;
import io.trackctl.store.internal.SqlOrderStore;
import io.trackctl.store.internal.SqlShopStore;
import io.trackctl.store.internal.SqlSnapshotStore;
import io.trackctl.store.internal.SqlTrackingStore;
import io.trackctl.store.internal.SqlWebhookLog;
import io.trackctl.store.internal.SchemaCheck;
import io.trackctl.store.internal.Statements;
import io.trackctl.store.postgres.PostgresPool;
import io.trackctl.store.redis.RedisConnection;
import io.trackctl.store.redis.RedisStreamJobQueue;
import io.trackctl.store.sqlite.SqliteCheckpointer;
import io.trackctl.store.sqlite.SqliteFileSync;
import io.trackctl.store.sqlite.SqlitePool;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import io.trackctl.core.sync.SchedulerLock;
import io.trackctl.store.postgres.AdvisorySchedulerLock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The storage of trackctl on SQLite or PostgreSQL (chosen from the JDBC URL): migrates the schema
 * on open and hands out an implementation of every storage port. Close it to release the pool.
 */
public final class TrackctlStore implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TrackctlStore.class.getName());

    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final DbClient client;
    private final Db db;
    /** SQLite only: copies the write-ahead log into the database file off the commit path. */
    private final SqliteCheckpointer checkpointer;
    /** SQLite on a file only: the checkpointer syncs the file through it; released last. */
    private final SqliteFileSync file;
    private final SqlJobQueue jobs;

    private TrackctlStore(Dialect dialect, HikariDataSource dataSource, DbClient client, Db db,
                          SqliteCheckpointer checkpointer, SqliteFileSync file) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.client = client;
        this.db = db;
        this.checkpointer = checkpointer;
        this.file = file;
        this.jobs = new SqlJobQueue(db);
    }

    /** Opens the store with the system clock. */
    public static TrackctlStore open(StoreConfig config) {
        return open(config, Clock.systemUTC());
    }

    /**
     * Opens the store: builds the pool, applies pending migrations, prepares the statements.
     *
     * @throws IllegalArgumentException for a URL that is neither SQLite nor PostgreSQL
     * @throws StoreException when the database cannot be reached or migrated
     */
    public static TrackctlStore open(StoreConfig config, Clock clock) {
        Dialect dialect = Dialect.fromUrl(config.jdbcUrl());
        HikariConfig hc = switch (dialect) {
            case SQLITE -> SqlitePool.configure(config);
            case POSTGRESQL -> PostgresPool.configure(config);
        };
        // Before the first connection: see SqliteFileSync.
        SqliteFileSync file = dialect == Dialect.SQLITE ? openFileSync(config) : null;
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            release(file, true);
            throw new StoreException("cannot connect to " + config.redactedUrl() + ": " + rootMessage(e), e);
        }
        try {
            migrate(ds, dialect, config);
            Statements statements = Statements.load(dialect.statementsResource());
            DbClient client = JdbcClientBuilder.create()
                    .connectionPool(new PooledConnections(ds, dialect))
                    .build();
            Db db = new Db(client, ds, dialect, statements, clock);
            if (dialect == Dialect.SQLITE) {
                new SqlTrackingStore(db).catchUpKeywordIndex();
            }
            SqliteCheckpointer checkpointer = dialect == Dialect.SQLITE ? SqliteCheckpointer.start(config, db::onWritersTurn, file) : null;
            return new TrackctlStore(dialect, ds, client, db, checkpointer, file);
        } catch (RuntimeException e) {
            ds.close();
            release(file, true);
            if (e instanceof StoreException) {
                throw e;
            }
            throw new StoreException("cannot prepare the database " + config.redactedUrl() + ": " + rootMessage(e), e);
        }
    }

    /**
     * The schema of the database at {@code config} against the migrations this build ships, as
     * Flyway's history records it. Changes nothing: a SQLite file that does not exist is not
     * created (every migration is then pending).
     *
     * @throws IllegalArgumentException for a URL that is neither SQLite nor PostgreSQL
     * @throws StoreException when the database cannot be reached or its history read
     */
    public static SchemaStatus schemaStatus(StoreConfig config) {
        Dialect dialect = Dialect.fromUrl(config.jdbcUrl());
        Path file = dialect == Dialect.SQLITE ? SqlitePool.filePath(config.jdbcUrl()) : null;
        // notExists, not !exists: a file that cannot be checked goes on to Flyway and fails there.
        if (file != null && Files.notExists(file)) {
            List<SchemaStatus.Migration> all = SchemaCheck.bundled(dialect).stream()
                    .map(m -> new SchemaStatus.Migration(m.version() == null ? "" : m.version(),
                            description(m.script()), "pending", null, true, false))
                    .toList();
            return new SchemaStatus(false, all, null);
        }
        MigrationInfoService info;
        try {
            info = Flyway.configure()
                    .dataSource(config.jdbcUrl(), config.user(), config.password())
                    .locations(dialect.migrationLocation())
                    .load()
                    .info();
        } catch (RuntimeException e) {
            // Flyway's own message may quote the URL, password included; the cause's does not.
            throw new StoreException("cannot read the schema of " + config.redactedUrl() + ": " + rootMessage(e), e);
        }
        List<SchemaStatus.Migration> migrations = new ArrayList<>();
        for (MigrationInfo m : info.all()) {
            MigrationState state = m.getState();
            migrations.add(new SchemaStatus.Migration(m.getVersion() == null ? "" : m.getVersion().getVersion(),
                    m.getDescription(), state.getDisplayName().toLowerCase(Locale.ROOT),
                    m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant(),
                    state == MigrationState.PENDING, state.isFailed()));
        }
        MigrationInfo current = info.current();
        return new SchemaStatus(true, migrations,
                current == null || current.getVersion() == null ? null : current.getVersion().getVersion());
    }

    /** A script's description as Flyway reads it from the name: {@code V2__carrier_catalogue.sql} is "carrier catalogue". */
    private static String description(String script) {
        int start = script.indexOf("__");
        String name = start < 0 ? script : script.substring(start + 2);
        return name.replaceFirst("\\.sql$", "").replace('_', ' ');
    }

    /**
     * Brings the schema up to date with Flyway, unless {@link SchemaCheck} finds it current already:
     * then Flyway is not started at all.
     */
    private static void migrate(HikariDataSource ds, Dialect dialect, StoreConfig config) {
        boolean current;
        try (Connection c = ds.getConnection()) {
            current = SchemaCheck.isCurrent(c, dialect);
        } catch (SQLException e) {
            current = false;
        }
        if (current) {
            List<SchemaCheck.Migration> applied = SchemaCheck.bundled(dialect);
            LOG.log(System.Logger.Level.INFO, "the schema of {0} is current, at version {1}", config.redactedUrl(),
                    applied.get(applied.size() - 1).version());
            return;
        }
        Flyway.configure()
                .dataSource(ds)
                .locations(dialect.migrationLocation())
                // Flyway would log the rows of a migration's SELECT (PostgreSQL's V3 is SELECT 1) as a table.
                .outputQueryResults(false)
                .load()
                .migrate();
    }

    /** A handle on the SQLite file, or null (in memory, or when it cannot be opened: the checkpoint then syncs on the writer's turn alone). */
    private static SqliteFileSync openFileSync(StoreConfig config) {
        try {
            return SqliteFileSync.openFor(config);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.INFO, "cannot open the database file to sync it from the checkpoint thread: {0}", e.toString());
            return null;
        }
    }

    /**
     * Releases the handle once no connection of this store can still be open; otherwise keeps it
     * (closing it would drop the locks of those connections).
     */
    private static void release(SqliteFileSync file, boolean connectionsClosed) {
        if (file == null) {
            return;
        }
        if (!connectionsClosed) {
            LOG.log(System.Logger.Level.WARNING, "a database connection was still in use when the store closed;"
                    + " the database file's descriptor stays open until the process ends");
            return;
        }
        try {
            file.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the database file handle: {0}", e.toString());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** {@code sqlite} or {@code postgresql}. */
    public String dialectName() {
        return dialect.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Shops (tenants) with their sealed credentials. */
    public ShopStore shops() {
        return new SqlShopStore(db);
    }

    /** The carrier catalogue. */
    public CarrierStore carriers() {
        return new SqlCarrierStore(db);
    }

    /** Orders and parcels. */
    public OrderStore orders() {
        return new SqlOrderStore(db);
    }

    /** Tracking numbers; duplicates come back as outcomes. */
    public TrackingStore tracking() {
        return new SqlTrackingStore(db);
    }

    /** Applying 17TRACK snapshots atomically and convergently. */
    public SnapshotStore snapshots() {
        return new SqlSnapshotStore(db);
    }

    /** Reading stored tracking events. */
    public EventStore events() {
        return new SqlEventStore(db);
    }

    /** Import jobs, progress and error rows. */
    public ImportStore imports() {
        return new SqlImportStore(db);
    }

    /** The database job queue; one instance per store so that enqueue wakes waiting claims. */
    public JobQueue jobs() {
        return jobs;
    }

    /**
     * The job queue on Redis Streams over this store's job table, with the default repair
     * settings. From now on every job made pending in this store (also by {@link #webhooks()} and
     * {@link #jobs()}) is handed to Redis; create one per process and close it before the store.
     */
    public RedisStreamJobQueue jobQueueOnRedis(RedisConnection redis) {
        return jobQueueOnRedis(redis, RedisStreamJobQueue.Options.defaults());
    }

    /** The job queue on Redis Streams, with the given repair settings. */
    public RedisStreamJobQueue jobQueueOnRedis(RedisConnection redis, RedisStreamJobQueue.Options options) {
        return new RedisStreamJobQueue(jobs, redis, options);
    }

    /** The webhook delivery log and dedupe authority; enqueues on the same job queue. */
    public WebhookLog webhooks() {
        return new SqlWebhookLog(db, jobs);
    }

    /** Alerts for operators. */
    public AlertStore alerts() {
        return new SqlAlertStore(db);
    }

    /**
     * The lock that lets one instance at a time run the sync scheduler: a PostgreSQL advisory lock
     * on a connection of its own, or {@link SchedulerLock#local()} on SQLite (one process).
     */
    public SchedulerLock schedulerLock() {
        return switch (dialect) {
            case SQLITE -> SchedulerLock.local();
            case POSTGRESQL -> new AdvisorySchedulerLock(dataSource.getJdbcUrl(), dataSource.getUsername(),
                    dataSource.getPassword(), AdvisorySchedulerLock.SCHEDULER_KEY);
        };
    }

    /**
     * Adds every tracking number missing from SQLite's keyword index, wherever it lies (one pass
     * over all rows; opening the store only looks above the newest indexed row). Returns how many;
     * always 0 on PostgreSQL, whose trigram index keeps itself in step.
     */
    public long repairKeywordIndex() {
        return dialect == Dialect.SQLITE ? new SqlTrackingStore(db).repairKeywordIndex() : 0;
    }

    /** Pings the database and measures the round trip. */
    public StoreHealth health() {
        long start = System.nanoTime();
        try {
            db.read(x -> x.get("health.ping", db.params()));
            return new StoreHealth(true, dialectName(), Duration.ofNanos(System.nanoTime() - start), null);
        } catch (RuntimeException e) {
            return new StoreHealth(false, dialectName(), Duration.ofNanos(System.nanoTime() - start),
                    e.getClass().getSimpleName() + ": " + rootMessage(e));
        }
    }

    /**
     * Wakes waiting claims, stops the checkpoint thread and closes the pools; then releases the
     * database file's handle, unless a connection was still in use (the pool does not close those;
     * see {@link SqliteFileSync}).
     */
    @Override
    public void close() {
        jobs.close();
        boolean connectionsClosed = false;
        try {
            if (checkpointer != null) {
                checkpointer.close();
            }
            var poolState = dataSource.getHikariPoolMXBean();
            connectionsClosed = poolState == null || poolState.getActiveConnections() == 0;
            dataSource.close();
            connectionsClosed &= checkpointer == null || checkpointer.stopped();
        } finally {
            release(file, connectionsClosed);
        }
    }

    /** Hands pooled connections to Helidon DbClient; a pool timeout is a transient failure. */
    private record PooledConnections(HikariDataSource ds, Dialect dialect) implements JdbcConnectionPool {

        @Override
        public Connection connection() {
            try {
                Connection c = ds.getConnection();
                return dialect == Dialect.SQLITE ? io.trackctl.store.sqlite.SqliteEvictions.guard(c, ds) : c;
            } catch (SQLException e) {
                throw new TransientFailureException("no database connection: " + e.getMessage(), e);
            }
        }

        @Override
        public String dbType() {
            return dialect == Dialect.SQLITE ? "sqlite" : "postgresql";
        }

        @Override
        public String name() {
            return "trackctl";
        }
    }

    /** The pool, for tests in this module that need raw access. */
    HikariDataSource dataSource() {
        return dataSource;
    }
}
