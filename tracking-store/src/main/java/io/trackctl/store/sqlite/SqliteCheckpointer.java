package io.trackctl.store.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * For bulk loading ({@link io.trackctl.store.StoreConfig#bulkLoading()}): copies SQLite's
 * write-ahead log into the database file from a thread of its own. Left to itself, SQLite does
 * this inside whichever commit takes the log past 1000 pages, so a 1M-row import spent a third of
 * its time in commits. Here the pool's connections only checkpoint as a safety net past
 * {@link #SAFETY_NET_PAGES}, and this thread runs a passive checkpoint, which never waits for
 * writers, every {@link #INTERVAL}, on the other core.
 *
 * <p>Not for the server: under many small concurrent commits (webhooks) the background copy
 * competed with them and raised their tail latency, and SQLite's own small checkpoints did better.
 *
 * <p>Against a process crash nothing changes: a commit is in the log before it returns,
 * checkpointed or not. Against a power loss, where {@code synchronous=NORMAL} relies on checkpoints
 * to sync the log, the window is the time since this thread's last checkpoint (normally 200 ms; if
 * it stalls, up to the safety net's 64 MiB of log).
 */
public final class SqliteCheckpointer implements AutoCloseable {

    /** Where the pool's connections still checkpoint by themselves (pages of 4 KiB: 64 MiB). */
    public static final int SAFETY_NET_PAGES = 16_384;
    static final Duration INTERVAL = Duration.ofMillis(200);
    private static final System.Logger LOG = System.getLogger(SqliteCheckpointer.class.getName());

    private final DataSource pool;
    private final Thread thread;
    private volatile boolean running = true;

    private SqliteCheckpointer(DataSource pool) {
        this.pool = pool;
        this.thread = Thread.ofPlatform().name("trackctl-sqlite-checkpoint").daemon(true).unstarted(this::loop);
    }

    /** Starts checkpointing the database behind {@code pool}. */
    public static SqliteCheckpointer start(DataSource pool) {
        SqliteCheckpointer c = new SqliteCheckpointer(pool);
        c.thread.start();
        return c;
    }

    /** The statement each pooled connection runs when it opens. */
    public static String connectionInitSql() {
        return "PRAGMA wal_autocheckpoint=" + SAFETY_NET_PAGES;
    }

    private void loop() {
        boolean warned = false;
        while (running) {
            try {
                checkpoint();
                warned = false;
            } catch (SQLException | RuntimeException e) {
                if (!warned && running) {
                    LOG.log(System.Logger.Level.WARNING, "background checkpoint failed, trying again: {0}", e.toString());
                    warned = true;
                }
            }
            try {
                Thread.sleep(INTERVAL);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One passive checkpoint; returns the log frames it copied. */
    int checkpoint() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            return rs.next() ? rs.getInt(3) : 0;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
