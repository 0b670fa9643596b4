package io.trackctl.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.sync.SchedulerLock;
import io.trackctl.store.TrackctlStore;
import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.SqliteTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances on one PostgreSQL database: one schedules at a time, and the other takes over. */
class AdvisorySchedulerLockTest {

    private PostgresTestDatabase db;
    private TrackctlStore store;

    @BeforeEach
    void open() {
        db = PostgresTestDatabase.create();
        store = TrackctlStore.open(db.config());
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    @Test
    void onlyOneOfTwoInstancesHoldsTheLockUntilItLetsGo() {
        SchedulerLock first = store.schedulerLock();
        SchedulerLock second = store.schedulerLock();
        try {
            assertThat(first).isInstanceOf(AdvisorySchedulerLock.class);
            assertThat(first.tryAcquire()).isTrue();
            assertThat(second.tryAcquire()).isFalse();
            assertThat(first.tryAcquire()).as("the holder keeps it").isTrue();
            assertThat(second.tryAcquire()).isFalse();

            first.release();

            assertThat(second.tryAcquire()).isTrue();
            assertThat(first.tryAcquire()).isFalse();
        } finally {
            first.release();
            second.release();
        }
    }

    @Test
    void aReleasedLockCanBeTakenAtOnce() {
        SchedulerLock first = store.schedulerLock();
        SchedulerLock second = store.schedulerLock();
        try {
            // Closing the holder's connection alone frees the lock only when the server has ended
            // that session, a moment later; a release must not leave that window.
            for (int i = 0; i < 50; i++) {
                SchedulerLock holder = i % 2 == 0 ? first : second;
                SchedulerLock next = i % 2 == 0 ? second : first;
                assertThat(holder.tryAcquire()).isTrue();
                holder.release();
                assertThat(next.tryAcquire()).as("taken right after the release, round %d", i).isTrue();
                next.release();
            }
        } finally {
            first.release();
            second.release();
        }
    }

    @Test
    void theLockPassesOnWhenTheHoldersConnectionDies() throws Exception {
        AdvisorySchedulerLock first = (AdvisorySchedulerLock) store.schedulerLock();
        AdvisorySchedulerLock second = (AdvisorySchedulerLock) store.schedulerLock();
        try {
            assertThat(first.tryAcquire()).isTrue();
            assertThat(second.tryAcquire()).isFalse();

            terminateHolder();

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!second.tryAcquire()) {
                assertThat(System.nanoTime()).as("the lock was not handed over").isLessThan(deadline);
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            assertThat(first.tryAcquire()).as("the old holder notices it lost the lock").isFalse();
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void sqliteNeedsNoLockBeyondItsOneProcess() {
        try (SqliteTestDatabase lite = SqliteTestDatabase.create(); TrackctlStore s = TrackctlStore.open(lite.config())) {
            SchedulerLock lock = s.schedulerLock();
            assertThat(lock.tryAcquire()).isTrue();
            assertThat(lock).isNotInstanceOf(AdvisorySchedulerLock.class);
        }
    }

    /** Ends the session holding the advisory lock, as if its process had died. */
    private void terminateHolder() throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", null);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_terminate_backend(l.pid) FROM pg_locks l "
                     + "WHERE l.locktype = 'advisory' AND l.granted AND l.database = "
                     + "(SELECT oid FROM pg_database WHERE datname = current_database())")) {
            assertThat(r.next()).as("a session holds the lock").isTrue();
            assertThat(r.getBoolean(1)).isTrue();
        }
    }
}
