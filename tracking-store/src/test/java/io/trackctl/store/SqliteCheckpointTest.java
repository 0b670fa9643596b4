package io.trackctl.store;

import io.trackctl.core.model.NewShop;
import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.store.sqlite.SqliteCheckpointer;
import io.trackctl.store.sqlite.SqliteFileSync;
import io.trackctl.store.testing.SqliteTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The write-ahead log reaches the database file by the background checkpoint, not by a commit. */
class SqliteCheckpointTest {

    private SqliteTestDatabase database;
    private TrackctlStore store;

    @BeforeEach
    void open() {
        database = SqliteTestDatabase.create();
        store = TrackctlStore.open(database.config());
    }

    @AfterEach
    void close() {
        store.close();
        database.close();
    }

    @Test
    void pooledConnectionsLeaveCheckpointsToTheBackgroundThreadUpToTheSafetyNet() throws Exception {
        assertThat(autocheckpoint(store)).isEqualTo(SqliteCheckpointer.SAFETY_NET_PAGES);
    }

    @Test
    void aConnectionStillInUseAtCloseKeepsTheFilesDescriptorOpen() throws Exception {
        // The pool cannot close a connection in use, and closing the descriptor would drop its locks.
        try (SqliteTestDatabase other = SqliteTestDatabase.create()) {
            TrackctlStore leaky = TrackctlStore.open(other.config());
            Connection inUse = leaky.dataSource().getConnection();
            try {
                leaky.close();
                assertThat(SqliteFileSync.handlesOn(other.file())).isEqualTo(1);
                try (Statement st = inUse.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM shops")) {
                    assertThat(rs.next()).isTrue();
                }
            } finally {
                inUse.close();
            }
        }
        assertThat(SqliteFileSync.handlesOn(database.file())).as("an orderly close releases it").isEqualTo(1);
        store.close();
        assertThat(SqliteFileSync.handlesOn(database.file())).isZero();
        store = TrackctlStore.open(database.config());
    }

    private static int autocheckpoint(TrackctlStore s) throws Exception {
        try (Connection c = s.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA wal_autocheckpoint")) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    @Test
    void committedWritesReachTheDatabaseFileWithoutACommitCheckpointing() throws Exception {
        Path file = database.file();
        long shop = store.shops().create(new NewShop("s", null, null, null, null, null, null)).id();
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        long before = Files.size(file);
        List<NewTrackingNumber> numbers = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            numbers.add(new NewTrackingNumber(shop, null, null, "LX" + (400_000_000 + i) + "CN", null, null, "api",
                    null, null));
        }

        store.tracking().createTrackingIds(numbers);

        // Far fewer pages than the connections' own threshold were written, so only the
        // background checkpoint can have copied them into the database file. It may copy them in
        // more than one pass (the numbers are written in several transactions), so wait for all
        // of them rather than for the first growth.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Files.size(file) <= before + 100_000) {
            assertThat(Instant.now()).as("database file grown by the background checkpoint, %d bytes so far",
                    Files.size(file) - before).isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
