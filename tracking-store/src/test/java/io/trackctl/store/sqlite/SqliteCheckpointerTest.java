package io.trackctl.store.sqlite;

import com.zaxxer.hikari.HikariDataSource;
import io.trackctl.store.testing.SqliteTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import static org.assertj.core.api.Assertions.assertThat;

/** A pass of the background checkpoint, against a stream of commits that never pauses. */
class SqliteCheckpointerTest {

    private static final int RESTART_PAGES = 200;
    /** A log frame: a 24-byte header and a page of 4 KiB. */
    private static final int FRAME_BYTES = 24 + 4096;
    private static final int WAL_HEADER_BYTES = 32;

    private SqliteTestDatabase database;
    private Path wal;
    private HikariDataSource pool;
    /** Closed after the pool, as the store does (closing it drops this process's locks on the file). */
    private SqliteFileSync file;
    /** Stands in for the store's writer lock: the stream's commits and the writer's turn take it. */
    private final ReentrantLock writer = new ReentrantLock();
    private final AtomicBoolean streaming = new AtomicBoolean(true);
    private final AtomicLong commits = new AtomicLong();
    private final AtomicReference<Throwable> streamFailure = new AtomicReference<>();
    private Thread stream;

    @BeforeEach
    void open() throws Exception {
        database = SqliteTestDatabase.create();
        Files.createDirectories(database.file().getParent());
        wal = database.file().resolveSibling(database.file().getFileName() + "-wal");
        pool = new HikariDataSource(SqlitePool.configure(database.config()));
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, k TEXT NOT NULL UNIQUE, body BLOB NOT NULL)");
        }
        file = SqliteFileSync.open(database.file());
        stream = Thread.ofPlatform().name("commit-stream").start(this::commitSteadily);
    }

    @AfterEach
    void close() throws Exception {
        streaming.set(false);
        stream.join(Duration.ofSeconds(10));
        pool.close();
        file.close();
        database.close();
    }

    /** Small commits, one after another, each of a random key (a page of its index) and a body. */
    private void commitSteadily() {
        byte[] body = new byte[1500];
        try (Connection c = pool.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO items (k, body) VALUES (?, ?)")) {
            for (long i = 0; streaming.get(); i++) {
                writer.lock();
                try {
                    insert.setString(1, Long.toHexString(i * 0x9E3779B97F4A7C15L));
                    insert.setBytes(2, body);
                    insert.executeUpdate();
                } finally {
                    writer.unlock();
                }
                commits.incrementAndGet();
            }
        } catch (SQLException | RuntimeException e) {
            streamFailure.set(e);
        }
    }

    @Test
    void aLongLogIsFinishedOnTheWritersTurnAndTheCommitsAfterItWriteTheLogFromItsStart() throws Exception {
        AtomicBoolean turnHeldTheWriter = new AtomicBoolean();
        AtomicInteger syncs = new AtomicInteger();
        AtomicInteger syncsBeforeTheTurn = new AtomicInteger(-1);
        SqliteCheckpointer checkpointer = new SqliteCheckpointer(pool, step -> {
            writer.lock();
            try {
                turnHeldTheWriter.set(true);
                syncsBeforeTheTurn.compareAndSet(-1, syncs.get());
                step.run();
            } finally {
                writer.unlock();
            }
        }, RESTART_PAGES, () -> {
            file.sync();
            syncs.incrementAndGet();
        });
        awaitLogOf(RESTART_PAGES * 2);
        int restartsBefore = walRestarts();

        // A passive checkpoint that meets a commit in progress reports itself blocked, and the pass
        // then leaves the turn to a later one; rarely, one copies the whole log between two commits
        // and the next commit starts the log over without a turn.
        SqliteCheckpointer.Result result = checkpointer.pass();
        for (int i = 0; i < 50 && !turnHeldTheWriter.get() && walRestarts() == restartsBefore; i++) {
            result = checkpointer.pass();
        }

        if (turnHeldTheWriter.get()) {
            assertThat(result.busy()).isFalse();
            assertThat(result.logPages()).isGreaterThanOrEqualTo(RESTART_PAGES);
            assertThat(result.checkpointedPages()).as("the whole log is in the database file").isEqualTo(result.logPages());
            assertThat(syncsBeforeTheTurn.get()).as("the file was synced before the turn, outside it")
                    .isBetween(1, SqliteCheckpointer.MAX_SYNC_ROUNDS + 1);
        }
        awaitCommitsBeyond(commits.get() + 20);
        assertThat(walRestarts()).as("the commits after the pass started the log over").isGreaterThan(restartsBefore);
    }

    @Test
    void aShortLogIsCopiedWithoutTakingTheWritersTurn() throws Exception {
        AtomicBoolean turnTaken = new AtomicBoolean();
        AtomicInteger syncs = new AtomicInteger();
        SqliteCheckpointer checkpointer = new SqliteCheckpointer(pool, step -> {
            turnTaken.set(true);
            step.run();
        }, Integer.MAX_VALUE, syncs::incrementAndGet);
        awaitLogOf(RESTART_PAGES);

        // A passive checkpoint can meet a commit in progress and report itself blocked; a later pass copies.
        SqliteCheckpointer.Result result = checkpointer.pass();
        for (int i = 0; i < 20 && result.busy(); i++) {
            result = checkpointer.pass();
        }

        assertThat(turnTaken).isFalse();
        assertThat(syncs).as("the file is synced only ahead of a turn").hasValue(0);
        assertThat(result.busy()).isFalse();
        assertThat(result.checkpointedPages()).isPositive();
    }

    @Test
    void turnsThatAreNotFollowedByARestartBackOff() throws Exception {
        // A turn that does not keep the stream out, as when another process writes the same file:
        // commits land during the turn's checkpoint, so the log does not start over after it.
        AtomicInteger turns = new AtomicInteger();
        SqliteCheckpointer checkpointer = new SqliteCheckpointer(pool, step -> {
            turns.incrementAndGet();
            step.run();
        }, RESTART_PAGES, null);
        awaitLogOf(RESTART_PAGES * 2);

        int passes = 0;
        Instant end = Instant.now().plusMillis(300);
        while (Instant.now().isBefore(end)) {
            checkpointer.pass();
            passes++;
        }

        assertThat(passes).isGreaterThanOrEqualTo(10);
        // Back-off doubles from 50 ms: in 300 ms, the first turn and about three more; without it,
        // one turn per pass.
        assertThat(turns.get()).as("turns in %d passes", passes).isBetween(1, 6);
    }

    /**
     * Waits until the log holds at least {@code pages}. Nothing checkpoints before the safety net,
     * far above these sizes, so the log file only grows and its size counts the frames.
     */
    private void awaitLogOf(int pages) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!Files.exists(wal) || (Files.size(wal) - WAL_HEADER_BYTES) / FRAME_BYTES < pages) {
            assertThat(streamFailure.get()).isNull();
            assertThat(Instant.now()).as("a log of %d pages written in time", pages).isBefore(deadline);
            Thread.sleep(5);
        }
    }

    private void awaitCommitsBeyond(long n) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (commits.get() < n) {
            assertThat(streamFailure.get()).isNull();
            assertThat(Instant.now()).as("commits go on").isBefore(deadline);
            Thread.sleep(1);
        }
    }

    /** The log header's checkpoint sequence number, which SQLite increments each time the log starts over. */
    private int walRestarts() throws IOException {
        try (FileChannel ch = FileChannel.open(wal)) {
            ByteBuffer header = ByteBuffer.allocate(16);
            ch.read(header, 0);
            return header.getInt(12);
        }
    }
}
