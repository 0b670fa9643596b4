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
            writeFile(database);
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
    void hardLinksToOneFileShareTheDescriptor() throws Exception {
        try (SqliteTestDatabase database = SqliteTestDatabase.create()) {
            writeFile(database);
            var link = Files.createLink(database.file().resolveSibling("linked.db"), database.file());

            try (SqliteFileSync first = SqliteFileSync.open(database.file());
                 SqliteFileSync second = SqliteFileSync.open(link)) {
                assertThat(SqliteFileSync.handlesOn(database.file())).isEqualTo(2);
            }
            assertThat(SqliteFileSync.handlesOn(link)).isZero();
        }
    }

    @Test
    void anInterruptDoesNotCloseTheDescriptor() throws Exception {
        try (SqliteTestDatabase database = SqliteTestDatabase.create()) {
            writeFile(database);
            try (SqliteFileSync handle = SqliteFileSync.open(database.file())) {
                Thread.currentThread().interrupt();
                try {
                    handle.sync();
                } finally {
                    assertThat(Thread.interrupted()).as("the interrupt is left to its owner").isTrue();
                }
                handle.sync();
            }
        }
    }

    @Test
    void aDescriptorLeftOnADeletedFileIsNotSharedWithTheFileThatReplacesIt() throws Exception {
        try (SqliteTestDatabase database = SqliteTestDatabase.create()) {
            writeFile(database);
            SqliteFileSync leftOpen = SqliteFileSync.open(database.file());
            try {
                Files.delete(database.file());
                Files.write(database.file(), new byte[4096]);
                assertThat(SqliteFileSync.handlesOn(database.file())).isZero();
                try (SqliteFileSync fresh = SqliteFileSync.open(database.file())) {
                    assertThat(SqliteFileSync.handlesOn(database.file())).isEqualTo(1);
                    fresh.sync();
                }
                assertThat(SqliteFileSync.handlesOn(database.file())).isZero();
            } finally {
                leftOpen.close();
            }
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
            try (SqliteFileSync third = SqliteFileSync.open(database.file())) {
                third.sync(); // the shared descriptor is still open
            }

            second.close();
            assertThat(SqliteFileSync.handlesOn(database.file())).isZero();
        }
    }

    @Test
    void aStoreCreatesTheFileAndTakesItsHandleBeforeConnecting() throws Exception {
        try (SqliteTestDatabase database = SqliteTestDatabase.create()) {
            try (TrackctlStore store = TrackctlStore.open(database.config())) {
                assertThat(SqliteFileSync.handlesOn(database.file())).isEqualTo(1);
                assertThat(store.health().up()).isTrue();
            }
            assertThat(SqliteFileSync.handlesOn(database.file())).isZero();
        }
    }

    /** The database's file, with a page of zeros in it. */
    private static void writeFile(SqliteTestDatabase database) throws Exception {
        Files.createDirectories(database.file().getParent());
        Files.write(database.file(), new byte[4096]);
    }
}
