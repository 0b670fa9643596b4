package io.trackctl.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.trackctl.store.StoreConfig;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Copies SQLite's write-ahead log into the database file from a thread of its own, so that commits
 * do not. Left to itself, SQLite copies inside whichever commit takes the log past 1000 pages: under
 * webhook intake that was a quarter of the writer's time, and a 1M-row import spent a third of its
 * time in commits. Here the pool's connections checkpoint only as a safety net past
 * {@link #SAFETY_NET_PAGES}, and this thread, every {@link #INTERVAL}, on the other core and on a
 * connection of its own:
 * <ol>
 *   <li>runs passive checkpoints, which copy what they can and never wait for a writer or a
 *       reader, until fewer than {@link #CATCH_UP_PAGES} arrived during the last one (at most
 *       {@value #MAX_CATCH_UP_PASSES} of them);</li>
 *   <li>once the log holds {@link #RESTART_PAGES} or more, runs one more passive checkpoint on the
 *       writer's turn, when no writer of this process can add to the log: it copies the last few
 *       pages, so the whole log is in the database file, and the next commit writes the log from
 *       its start again.</li>
 * </ol>
 * Without step 2 a log under a steady stream of commits never starts over, because some commit
 * always lands while a checkpoint runs: it grows to the safety net, past which every commit
 * checkpoints inline (measured: a webhook p99 of 33-77 ms). Step 2 holds the writer for the
 * copy of those few pages and two syncs; with a long log between restarts that happens about every
 * 2 seconds under full webhook load. If step 1 did not catch up, step 2 waits for a later pass,
 * unless the log has grown to twice {@link #RESTART_PAGES}.
 *
 * <p>SQLite syncs the database file only at the end of a checkpoint that reached the end of the
 * log, which under steady commits is only the one on the writer's turn: that sync would carry
 * every page copied since the last restart: under webhook load, once the database had grown, the
 * turn held the writer 36 ms at the median and up to 118 ms. So before asking for the turn this
 * thread syncs the file itself, through the store's descriptor of it ({@link SqliteFileSync}),
 * outside the turn (about 50 ms there), then copies what arrived during that sync with a passive
 * checkpoint and syncs again, while many pages arrived (at most {@value #MAX_SYNC_ROUNDS} times). The
 * sync on the turn then carries only the pages copied since the last of those syncs: one round
 * took the turn to 11 ms at the median but left turns of 35-60 ms once the database had grown;
 * with the repeats, turns of more than 8 ms became rare (20 in a 3-round load run, at most 28 ms).
 *
 * <p>The restart is not guaranteed: a reader still using the old log when the next commit comes
 * (a long query), or another process writing the same file (the CLI beside the server), keeps the
 * log from starting over. Then the turns back off, doubling the wait up to {@link #MAX_BACK_OFF},
 * instead of holding the writer every pass for nothing.
 *
 * <p>Against a process crash nothing changes: a commit is in the log before it returns,
 * checkpointed or not. Against a power loss, where {@code synchronous=NORMAL} relies on checkpoints
 * to sync the log, the window is the time since this thread's last checkpoint (normally
 * {@link #INTERVAL} and the length of a pass; if the thread stalls, up to the safety net).
 */
public final class SqliteCheckpointer implements AutoCloseable {

    /** Where the pool's connections still checkpoint by themselves (pages of 4 KiB: 128 MiB). */
    public static final int SAFETY_NET_PAGES = 32_768;
    /** The log's length in pages from which a pass restarts it on the writer's turn (64 MiB). */
    static final int RESTART_PAGES = 16_384;
    /** Passive checkpoints repeat until fewer pages than this arrived during the last one. */
    static final int CATCH_UP_PAGES = 256;
    static final int MAX_CATCH_UP_PASSES = 4;
    /** Before a turn, at most this many passive checkpoints of what arrived during a sync of the file, each synced in turn. */
    static final int MAX_SYNC_ROUNDS = 3;
    static final Duration INTERVAL = Duration.ofMillis(50);
    /** The longest wait between two turns that were not followed by a restart. */
    static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(SqliteCheckpointer.class.getName());

    /** Runs a step while no other writer of this process writes (see {@code Db.onWritersTurn}). */
    @FunctionalInterface
    public interface WritersTurn {
        void run(Runnable step);
    }

    /** Syncs the database file to disk; the opened handle in {@link #start}, a stand-in in tests. */
    @FunctionalInterface
    interface FileSync {
        void sync() throws IOException;
    }

    private final DataSource pool;
    private final WritersTurn writersTurn;
    /**
     * Null for an in-memory database, when the file could not be opened, and once a sync has
     * failed (the turn then syncs alone).
     */
    private volatile FileSync fileSync;
    private final int restartPages;
    private final Thread thread;
    private volatile boolean running = true;
    /** The pool of one connection this thread opened for itself, closed with it; null in tests. */
    private HikariDataSource ownPool;
    /** The log's length at the last turn, while no restart has followed it; 0 otherwise. */
    private int lastTurnLog;
    private long backOffNanos;
    private long nextTurnNanos = System.nanoTime();

    /** Not started: {@link #start} starts one; tests call {@link #pass} themselves. */
    SqliteCheckpointer(DataSource pool, WritersTurn writersTurn, int restartPages, FileSync fileSync) {
        this.pool = pool;
        this.writersTurn = writersTurn;
        this.fileSync = fileSync;
        this.restartPages = restartPages;
        this.thread = Thread.ofPlatform().name("trackctl-sqlite-checkpoint").daemon(true).unstarted(this::loop);
    }

    /**
     * Starts checkpointing the SQLite database {@code config} names, on a connection of its own
     * (so that a pool busy with readers never keeps it waiting while it holds the writer's turn);
     * restarts the log on {@code writersTurn}; syncs the file ahead of a turn through
     * {@code file}, which stays the caller's (null: the turn syncs alone).
     */
    public static SqliteCheckpointer start(StoreConfig config, WritersTurn writersTurn, SqliteFileSync file) {
        HikariConfig hc = SqlitePool.configure(config);
        hc.setMaximumPoolSize(1);
        hc.setPoolName("trackctl-sqlite-checkpoint");
        HikariDataSource own = new HikariDataSource(hc);
        try {
            SqliteCheckpointer c = new SqliteCheckpointer(own, writersTurn, RESTART_PAGES, file == null ? null : file::sync);
            c.ownPool = own;
            c.thread.start();
            return c;
        } catch (RuntimeException | Error e) {
            own.close();
            throw e;
        }
    }

    /** The statement each pooled connection runs when it opens. */
    public static String connectionInitSql() {
        return "PRAGMA wal_autocheckpoint=" + SAFETY_NET_PAGES;
    }

    private void loop() {
        boolean warned = false;
        while (running) {
            try {
                pass();
                warned = false;
            } catch (Throwable e) {
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

    /**
     * One pass: passive checkpoints until the log is nearly all copied, then, when the log is
     * long, the last pages on the writer's turn. Returns what the last checkpoint reported.
     */
    Result pass() throws SQLException {
        Result last = checkpoint();
        boolean caughtUp = last.logPages() == 0;
        for (int i = 1; i < MAX_CATCH_UP_PASSES && !caughtUp && !last.busy(); i++) {
            Result next = checkpoint();
            caughtUp = !next.busy() && next.logPages() - last.logPages() < CATCH_UP_PAGES;
            last = next;
        }
        long now = System.nanoTime();
        if (lastTurnLog > 0) {
            // A restart shows as a log shorter than at the last turn.
            if (last.logPages() >= lastTurnLog) {
                backOffNanos = Math.min(Math.max(2 * backOffNanos, INTERVAL.toNanos()), MAX_BACK_OFF.toNanos());
                nextTurnNanos = now + backOffNanos;
            } else {
                backOffNanos = 0;
            }
            lastTurnLog = 0;
        }
        boolean due = last.logPages() >= restartPages && (caughtUp || last.logPages() >= 2 * restartPages);
        if (!due || last.busy() || now - nextTurnNanos < 0 || !running) {
            return last;
        }
        // Sync the file, then copy what arrived during the sync, until little did: the sync on the
        // turn then carries only those last pages.
        syncFile();
        for (int i = 0; i < MAX_SYNC_ROUNDS; i++) {
            Result next = checkpoint();
            int arrived = next.logPages() - last.logPages();
            last = next;
            if (next.busy() || next.logPages() < restartPages) {
                return next;
            }
            if (arrived < CATCH_UP_PAGES) {
                break;
            }
            syncFile();
        }
        Result[] onTurn = new Result[1];
        writersTurn.run(() -> {
            try {
                onTurn[0] = checkpoint();
            } catch (SQLException e) {
                throw new IllegalStateException("checkpoint on the writer's turn failed: " + e.getMessage(), e);
            }
        });
        lastTurnLog = Math.max(onTurn[0].logPages(), 1);
        return onTurn[0];
    }

    /** Syncs the database file, so that the checkpoint on the writer's turn syncs only what it copies. */
    private void syncFile() {
        FileSync sync = fileSync;
        if (sync == null) {
            return;
        }
        try {
            sync.sync();
        } catch (IOException e) {
            fileSync = null;
            LOG.log(System.Logger.Level.INFO, "cannot sync the database file ahead of the writer''s turn; the turn syncs it alone: {0}",
                    e.toString());
        }
    }

    /** One passive checkpoint. */
    private Result checkpoint() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            return rs.next() ? new Result(rs.getInt(1) != 0, rs.getInt(2), rs.getInt(3)) : new Result(false, 0, 0);
        }
    }

    /**
     * What a checkpoint reported: whether it was blocked, the log's length and how much of it is
     * in the database file, in pages (both 0 when the log is empty or was just restarted, and -1
     * when the checkpoint could not run at all).
     */
    record Result(boolean busy, int logPages, int checkpointedPages) {
    }

    /**
     * Stops the thread, waiting up to 5 seconds, then closes its connection: a connection still in
     * use by a thread that did not stop in time is left open by the pool ({@link #stopped} says).
     */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (ownPool != null) {
                ownPool.close();
            }
        }
    }

    /** Whether the thread has ended, so that its connection was closed with the pool. */
    public boolean stopped() {
        return !thread.isAlive();
    }
}
