package io.trackctl.store.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;
import io.trackctl.core.retry.TransientFailureException;
import io.trackctl.store.sqlite.SqlitePool;
import io.trackctl.store.testing.SqliteTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {

    private SqliteTestDatabase database;
    private HikariDataSource ds;
    private Db db;

    @BeforeEach
    void openDatabase() throws Exception {
        database = SqliteTestDatabase.create();
        java.nio.file.Files.createDirectories(database.file().getParent());
        ds = new HikariDataSource(SqlitePool.configure(database.config()));
        try (Connection c = ds.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, v INTEGER NOT NULL UNIQUE)");
        }
        JdbcConnectionPool pool = () -> {
            try {
                return ds.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        DbClient client = JdbcClientBuilder.create().connectionPool(pool).build();
        Statements statements = Statements.parse("""
                -- name: item.insert
                INSERT INTO items (v) VALUES (:v)
                """);
        db = new Db(client, ds, Dialect.SQLITE, statements, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        ds.close();
        database.close();
    }

    @Test
    void manyCallersAtOnceAllGetTheirOwnResultsAndEveryUnitIsWrittenOnce() throws Exception {
        GroupCommit group = new GroupCommit(db, 16, "test-writer");
        int callers = 200;
        List<Future<Long>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                long v = i;
                results.add(threads.submit(() -> group.submit(x -> x.dml("item.insert", db.params().put("v", v)) * 1000 + v)));
            }
        }
        for (int i = 0; i < callers; i++) {
            assertThat(results.get(i).get()).isEqualTo(1000L + i);
        }
        assertThat(count()).isEqualTo(callers);
        awaitAnnounced(0, "every announcement withdrawn, the writer thread's after its last burst too");
    }

    @Test
    void theWritersTurnKeepsTheOtherWritersOfTheProcessOutUntilItReturns() throws Exception {
        CountDownLatch inTurn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> turn = threads.submit(() -> db.onWritersTurn(() -> {
                inTurn.countDown();
                await(release);
            }));
            assertThat(inTurn.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Long> write = threads.submit(() -> db.write(x -> x.dml("item.insert", db.params().put("v", 7))));

            assertThatThrownBy(() -> write.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            release.countDown();
            assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1L);
            turn.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void unitsRunOnThePlatformWriterThreadWhichEndsWhenIdleAndStartsAgainForTheNextCaller() throws Exception {
        GroupCommit group = new GroupCommit(db, 16, "test-writer");
        Function<Db.Exec, Thread> unit = x -> {
            x.dml("item.insert", db.params().put("v", System.nanoTime()));
            return Thread.currentThread();
        };
        Thread first;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            first = threads.submit(() -> group.submit(unit)).get();
        }
        assertThat(first.getName()).isEqualTo("test-writer");
        assertThat(first.isVirtual()).as("a virtual caller's carrier is not pinned by SQLite's native calls").isFalse();

        Instant deadline = Instant.now().plus(GroupCommit.IDLE.multipliedBy(10));
        while (first.isAlive()) {
            assertThat(Instant.now()).as("the idle writer thread ended").isBefore(deadline);
            Thread.sleep(20);
        }
        Thread second = group.submit(unit);
        assertThat(second).isNotSameAs(first);
        assertThat(second.getName()).isEqualTo("test-writer");
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aUnitThatFailsFailsAloneAndTheOthersOfItsBatchAreWrittenOnce() throws Exception {
        int others = 10;
        List<Future<Long>> results = inOneBatchBehindAFirstUnit(others, v -> x -> {
            long n = x.dml("item.insert", db.params().put("v", v));
            if (v == 3) {
                throw new IllegalStateException("unit 3 cannot be written");
            }
            return n;
        });

        for (int i = 0; i < others; i++) {
            Future<Long> r = results.get(i);
            if (i == 3) {
                assertThatThrownBy(r::get).hasRootCauseMessage("unit 3 cannot be written");
            } else {
                assertThat(r.get()).isEqualTo(1L);
            }
        }
        assertThat(count()).isEqualTo(others);
        assertThat(values()).doesNotContain(3L);
        awaitAnnounced(0, "every announcement withdrawn, the failed unit's too");
    }

    @Test
    void aBatchGivenUpForADeadlockIsRetriedUnitByUnitAndEveryUnitIsWrittenOnce() throws Exception {
        AtomicBoolean deadlocked = new AtomicBoolean();
        int others = 6;
        List<Future<Long>> results = inOneBatchBehindAFirstUnit(others, v -> x -> {
            long n = x.dml("item.insert", db.params().put("v", v));
            if (v == 2 && deadlocked.compareAndSet(false, true)) {
                throw new TransientFailureException("database busy or unreachable: deadlock detected",
                        new SQLException("deadlock detected", "40P01"));
            }
            return n;
        });

        for (Future<Long> r : results) {
            assertThat(r.get()).isEqualTo(1L);
        }
        assertThat(deadlocked).isTrue();
        assertThat(count()).isEqualTo(others + 1);
    }

    @Test
    void afterABurstIntakeStaysAnnouncedUntilTheNextCallerSoOtherWritersHoldBackInTheGap() throws Exception {
        GroupCommit group = new GroupCommit(db, 64, "test-writer", Duration.ofSeconds(30));
        List<Future<Long>> burst = inOneBatchBehindAFirstUnit(group, GroupCommit.BURST_BATCH,
                v -> x -> x.dml("item.insert", db.params().put("v", v)));
        for (Future<Long> r : burst) {
            assertThat(r.get()).isEqualTo(1L);
        }
        awaitAnnounced(1, "the writer thread lingers after a burst's batch");

        long start = System.nanoTime();
        long written = db.write(x -> x.dml("item.insert", db.params().put("v", 100)));
        assertThat(written).isEqualTo(1L);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("another writer held back for its yield, then went").isGreaterThanOrEqualTo(Db.YIELD_TO_INTAKE);
        assertThat(db.announcedIntake()).as("no caller came, so the writer thread still lingers").isEqualTo(1);

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // Bounded: a linger that ignored new callers would hold each for its 30 s.
            Future<Long> next = threads.submit(() -> group.submit(x -> x.dml("item.insert", db.params().put("v", 101))));
            assertThat(next.get(10, TimeUnit.SECONDS)).as("a caller ends the linger").isEqualTo(1L);
            Future<Long> last = threads.submit(() -> group.submit(x -> x.dml("item.insert", db.params().put("v", 102))));
            assertThat(last.get(10, TimeUnit.SECONDS)).as("a caller ends the linger").isEqualTo(1L);
        }
        awaitAnnounced(0, "the batch of one after the burst lingered (1 + 8 units), the next (1 + 1) did not");
        assertThat(count()).isEqualTo(GroupCommit.BURST_BATCH + 4L);
    }

    @Test
    void batchesBelowABurstLeaveNoAnnouncementBehind() throws Exception {
        GroupCommit group = new GroupCommit(db, 64, "test-writer", Duration.ofSeconds(30));
        // A batch of one, then one of BURST_BATCH - 2: together one short of a burst.
        List<Future<Long>> batch = inOneBatchBehindAFirstUnit(group, GroupCommit.BURST_BATCH - 2,
                v -> x -> x.dml("item.insert", db.params().put("v", v)));
        for (Future<Long> r : batch) {
            assertThat(r.get()).isEqualTo(1L);
        }
        // A burst is announced before its batch runs and held for the 30 s linger after it, so it
        // would still show now that the batch's callers have their answers.
        assertThat(db.announcedIntake()).as("nothing announced after batches below a burst").isZero();
    }

    /**
     * Submits {@code others} units (values 0..others-1) while a first caller's unit holds the
     * writer thread's transaction open, so that they queue behind it and form one batch together;
     * returns their results once all have finished. The first unit writes the value -1.
     */
    private List<Future<Long>> inOneBatchBehindAFirstUnit(int others, LongFunction<Function<Db.Exec, Long>> unit)
            throws Exception {
        return inOneBatchBehindAFirstUnit(new GroupCommit(db, 64, "test-writer"), others, unit);
    }

    private List<Future<Long>> inOneBatchBehindAFirstUnit(GroupCommit group, int others,
                                                          LongFunction<Function<Db.Exec, Long>> unit) throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        List<Future<Long>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Long> first = threads.submit(() -> group.submit(x -> {
                firstInside.countDown();
                await(othersQueued);
                return x.dml("item.insert", db.params().put("v", -1));
            }));
            assertThat(firstInside.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < others; i++) {
                Function<Db.Exec, Long> u = unit.apply(i);
                results.add(threads.submit(() -> group.submit(u)));
            }
            awaitQueued(group, others);
            othersQueued.countDown();

            assertThat(first.get()).isEqualTo(1L);
        }
        return results;
    }

    private static void awaitQueued(GroupCommit group, int n) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (group.waiting() < n) {
            assertThat(Instant.now()).as("callers queued in time").isBefore(deadline);
            Thread.sleep(1);
        }
    }

    private void awaitAnnounced(int n, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (db.announcedIntake() != n) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count() {
        return values().size();
    }

    private List<Long> values() {
        List<Long> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT v FROM items")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
