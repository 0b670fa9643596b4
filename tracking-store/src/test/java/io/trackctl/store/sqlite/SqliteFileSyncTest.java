package io.trackctl.store.sqlite;

import io.trackctl.store.TrackctlStore;
import io.trackctl.store.testing.SqliteTestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database file's descriptor outside SQLite: closing it early would drop SQLite's locks on
 * the file for the whole process, so handles on one file share one descriptor.
 */
class SqliteFileSyncTest {

    @Test
    void handlesOnOneFileShareADescriptorThatTheLastOneCloses() throws Exception {
        try (SqliteTestDatabase database = SqliteTestDatabase.create()) {
            Files.createDirectories(database.file().getParent());
            Files.write(database.file(), new byte[4096]);
            SqliteFileSync first = SqliteFileSync.open(database.file());
            // The same file under another spelling of its path.
            SqliteFileSync second = SqliteFileSync.open(database.file().getParent().resolve(".").resolve(database.file().getFileName()));
            assertThat(SqliteFileSync.handlesOn(database.file())).isEqualTo(2);

            first.close();
            first.close();
            second.sync();
            assertThat(SqliteFileSync.handlesOn(database.file())).as("still open for the second handle").isEqualTo(1);

            second.close();
            assertThat(SqliteFileSync.handlesOn(database.file())).isZero();
        }
    }

    @Test
    void aMissingFileIsAnError() throws Exception {
        try (SqliteTestDatabase database = SqliteTestDatabase.create()) {
            assertThatThrownBy(() -> SqliteFileSync.open(database.file())).isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    void twoStoresOnOneFileShareItAndTheLastToCloseReleasesIt() throws Exception {
        try (SqliteTestDatabase database = SqliteTestDatabase.create()) {
            TrackctlStore first = TrackctlStore.open(database.config());
            TrackctlStore second = TrackctlStore.open(database.config());
            assertThat(SqliteFileSync.handlesOn(database.file())).isEqualTo(2);

            first.close();
            assertThat(SqliteFileSync.handlesOn(database.file())).isEqualTo(1);
            assertThat(second.health().up()).isTrue();

            second.close();
            assertThat(SqliteFileSync.handlesOn(database.file())).isZero();
        }
    }
}
