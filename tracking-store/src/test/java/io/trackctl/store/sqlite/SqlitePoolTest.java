package io.trackctl.store.sqlite;

import io.trackctl.core.model.NewShop;
import io.trackctl.store.StoreConfig;
import io.trackctl.store.TrackctlStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database file a {@code jdbc:sqlite:} URL names, as the store needs it outside SQLite (the
 * directory to create, the file to sync): the same file SQLite opens.
 */
class SqlitePoolTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "jdbc:sqlite:/data/trackctl.db                        | /data/trackctl.db",
            "jdbc:sqlite:/data/trackctl.db?busy_timeout=500       | /data/trackctl.db",
            "jdbc:sqlite:relative/trackctl.db                     | relative/trackctl.db",
            "jdbc:sqlite:/data/my%20shop/trackctl.db              | /data/my%20shop/trackctl.db",
            "jdbc:sqlite:file:/data/my%20shop/trackctl.db         | /data/my shop/trackctl.db",
            "jdbc:sqlite:file:///data/trackctl.db                 | /data/trackctl.db",
            "jdbc:sqlite:file://localhost/data/trackctl.db?mode=rwc | /data/trackctl.db",
            "jdbc:sqlite:file:/data/caf%C3%A9/trackctl.db         | /data/café/trackctl.db",
            "jdbc:sqlite:file:/data/100%/x%2/%zz.db               | /data/100%/x%2/%zz.db",
            "jdbc:sqlite:file:/data/trackctl.db#part              | /data/trackctl.db",
            "jdbc:sqlite:file:/data/trackctl.db#x?mode=memory     | /data/trackctl.db",
            "jdbc:sqlite:file:data/trackctl.db                    | data/trackctl.db",
            "jdbc:sqlite::memory:                                 | NULL",
            "jdbc:sqlite:                                         | NULL",
            "jdbc:sqlite:file::memory:?cache=shared               | NULL",
            "jdbc:sqlite:file:shared?mode=memory&cache=shared     | NULL",
    })
    void filePathIsTheFileSqliteOpens(String url, String expected) {
        Path path = SqlitePool.filePath(url);
        assertThat(path == null ? null : path.toString()).isEqualTo(expected);
    }

    /** The escaped directory is created under its decoded name, where SQLite then puts the database. */
    @Test
    void aPercentEncodedFileUrlOpensTheDatabaseWhereSqlitePutsIt(@TempDir Path dir) throws Exception {
        Path decoded = dir.resolve("my shop").resolve("trackctl.db");
        String url = "jdbc:sqlite:file:" + dir.toAbsolutePath().toUri().getRawPath() + "my%20shop/trackctl.db";

        try (TrackctlStore store = TrackctlStore.open(StoreConfig.of(url))) {
            store.shops().create(new NewShop("escaped", "custom", null, null, null, null, null));
        }

        assertThat(dir.resolve("my%20shop")).as("no directory under the escaped name").doesNotExist();
        assertThat(decoded).isRegularFile();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + decoded);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM shops")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("escaped");
        }
        try (var files = Files.list(decoded.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .allMatch(name -> name.startsWith("trackctl.db"));
        }
    }
}
