package io.trackctl.store;

import io.trackctl.store.internal.Dialect;
import io.trackctl.store.internal.SchemaCheck;
import io.trackctl.store.internal.SchemaCheck.Migration;
import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.SqliteTestDatabase;
import io.trackctl.store.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database whose Flyway history is exactly this build's migrations opens without Flyway; any
 * other history goes through Flyway as before, which migrates, validates and refuses as it always did.
 */
class SchemaCheckTest {

    @Test
    void theIndexListsEveryMigrationOfItsFolderInVersionOrder() throws Exception {
        for (Dialect dialect : Dialect.values()) {
            List<String> listed = SchemaCheck.bundled(dialect).stream().map(Migration::script).toList();
            Path folder = folder(dialect);
            List<String> inFolder;
            // Flyway also reads the folders below its location: a script there must be listed too.
            try (Stream<Path> files = Files.walk(folder)) {
                inFolder = files.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString()).toList();
            }
            assertThat(listed).as(dialect.migrationIndex()).containsExactlyInAnyOrderElementsOf(inFolder);
            List<MigrationVersion> versions = SchemaCheck.bundled(dialect).stream()
                    .map(m -> MigrationVersion.fromVersion(m.version())).toList();
            assertThat(versions).as("versions of " + dialect.migrationIndex()).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void onlyVersionedScriptsHaveAVersion() {
        assertThat(SchemaCheck.version("V7__webhook_outcome_index_partial.sql")).isEqualTo("7");
        assertThat(SchemaCheck.version("V1_1__fix.sql")).isEqualTo("1.1");
        assertThat(SchemaCheck.version("R__views.sql")).isNull();
        assertThat(SchemaCheck.version("U7__undo.sql")).isNull();
        assertThat(SchemaCheck.version("beforeMigrate.sql")).isNull();
    }

    @Test
    void checksumIsFlywaysWhateverTheLineEndingsAndAByteOrderMark(@TempDir Path dir) throws Exception {
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("V1__unix.sql", "CREATE TABLE a (id INTEGER);\n-- caf\u00e9 \u2713\n");
        texts.put("V2__windows.sql", "CREATE TABLE b (id INTEGER);\r\nINSERT INTO b VALUES (1);\r\n");
        texts.put("V3__bom.sql", "\uFEFFCREATE TABLE c (id INTEGER);\nINSERT INTO c VALUES (2);");
        texts.put("V4__old_mac.sql", "CREATE TABLE d (id INTEGER);\rINSERT INTO d VALUES (3);\r\r");
        for (Map.Entry<String, String> e : texts.entrySet()) {
            Files.writeString(scripts.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
        String url = "jdbc:sqlite:" + dir.resolve("checksums.db");
        Flyway.configure().dataSource(url, null, null).locations("filesystem:" + scripts).load().migrate();
        Map<String, Integer> recorded = new LinkedHashMap<>();
        query(StoreConfig.of(url), "SELECT script, checksum FROM flyway_schema_history ORDER BY installed_rank",
                rs -> recorded.put(rs.getString(1), rs.getInt(2)));
        Map<String, Integer> ours = new LinkedHashMap<>();
        texts.forEach((script, text) -> ours.put(script, SchemaCheck.checksum(text)));
        assertThat(ours).containsExactlyEntriesOf(recorded);
    }

    @Test
    void sqliteChecksumsAreTheOnesFlywayRecords() {
        try (SqliteTestDatabase db = sqlite()) {
            checksumsAreTheOnesFlywayRecords(db, Dialect.SQLITE);
        }
    }

    @Test
    void postgresChecksumsAreTheOnesFlywayRecords() {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            checksumsAreTheOnesFlywayRecords(db, Dialect.POSTGRESQL);
        }
    }

    @Test
    void sqliteOpensACurrentDatabaseWithoutFlyway() {
        try (SqliteTestDatabase db = sqlite()) {
            opensACurrentDatabaseWithoutFlyway(db, Dialect.SQLITE);
        }
    }

    @Test
    void postgresOpensACurrentDatabaseWithoutFlyway() {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            opensACurrentDatabaseWithoutFlyway(db, Dialect.POSTGRESQL);
        }
    }

    @Test
    void sqliteLeavesEveryOtherHistoryToFlyway() throws SQLException {
        try (SqliteTestDatabase db = sqlite()) {
            leavesEveryOtherHistoryToFlyway(db, Dialect.SQLITE, "0", "1");
        }
    }

    @Test
    void postgresLeavesEveryOtherHistoryToFlyway() throws SQLException {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            leavesEveryOtherHistoryToFlyway(db, Dialect.POSTGRESQL, "FALSE", "TRUE");
        }
    }

    @Test
    void postgresHistoryIsReadFromTheCurrentSchemaOnly() throws SQLException {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            TrackctlStore.open(db.config()).close();
            // A schema first on the search path, without a history: Flyway would migrate into it.
            execute(db.config(), "CREATE SCHEMA other");
            String other = db.config().jdbcUrl() + "?currentSchema=other,public";
            try (Connection c = DriverManager.getConnection(other, db.config().user(), db.config().password())) {
                assertThat(SchemaCheck.isCurrent(c, Dialect.POSTGRESQL)).isFalse();
            }
        }
    }

    private static void checksumsAreTheOnesFlywayRecords(TestDatabase db, Dialect dialect) {
        TrackctlStore.open(db.config()).close();
        Map<String, Integer> recorded = new LinkedHashMap<>();
        query(db.config(), "SELECT script, checksum FROM flyway_schema_history ORDER BY installed_rank",
                rs -> recorded.put(rs.getString(1), rs.getInt(2)));
        Map<String, Integer> ours = new LinkedHashMap<>();
        SchemaCheck.bundled(dialect).forEach(m -> ours.put(m.script(), m.checksum()));
        assertThat(ours).containsExactlyEntriesOf(recorded);
        assertThat(current(db, dialect)).isTrue();
    }

    private static void opensACurrentDatabaseWithoutFlyway(TestDatabase db, Dialect dialect) {
        assertThat(current(db, dialect)).as("fresh database").isFalse();
        List<String> first = flywayLog(() -> TrackctlStore.open(db.config()).close());
        assertThat(first).as("Flyway's log while creating the schema").isNotEmpty()
                .noneMatch(line -> line.contains("?column?"));
        List<String> again = flywayLog(() -> TrackctlStore.open(db.config()).close());
        assertThat(again).as("Flyway's log while opening a current database").isEmpty();
    }

    private static void leavesEveryOtherHistoryToFlyway(TestDatabase db, Dialect dialect, String no, String yes)
            throws SQLException {
        StoreConfig config = db.config();
        Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations(dialect.migrationLocation()).target("4").load().migrate();
        assertThat(current(db, dialect)).as("migrated to V4 of V" + last(dialect)).isFalse();
        assertThat(flywayLog(() -> TrackctlStore.open(config).close())).as("Flyway migrates the rest")
                .anyMatch(line -> line.contains("Migrating schema"));
        assertThat(current(db, dialect)).isTrue();

        // A migration failed, recorded as such: Flyway refuses to go on until it is repaired.
        execute(config, "UPDATE flyway_schema_history SET success = " + no + " WHERE version = '" + last(dialect) + "'");
        assertThat(current(db, dialect)).as("failed migration").isFalse();
        assertThatThrownBy(() -> TrackctlStore.open(config).close()).isInstanceOf(StoreException.class)
                .hasMessageContaining("failed migration");
        execute(config, "UPDATE flyway_schema_history SET success = NOT success WHERE version = '" + last(dialect) + "'");
        assertThat(current(db, dialect)).isTrue();

        // A shipped migration edited after it ran: Flyway's validation catches the checksum.
        execute(config, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
        assertThat(current(db, dialect)).as("edited migration").isFalse();
        assertThatThrownBy(() -> TrackctlStore.open(config).close()).isInstanceOf(StoreException.class)
                .hasMessageContaining("checksum mismatch");
        execute(config, "UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '1'");
        assertThat(current(db, dialect)).isTrue();

        // Written by a newer trackctl: Flyway opens it, as before (it ignores future migrations).
        execute(config, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                + "checksum, installed_by, installed_on, execution_time, success) VALUES (100, '99', 'from the future', "
                + "'SQL', 'V99__from_the_future.sql', 1, 'test', CURRENT_TIMESTAMP, 1, " + yes + ")");
        assertThat(current(db, dialect)).as("newer database").isFalse();
        TrackctlStore.open(config).close();
    }

    private static boolean current(TestDatabase db, Dialect dialect) {
        StoreConfig config = db.config();
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password())) {
            return SchemaCheck.isCurrent(c, dialect);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String last(Dialect dialect) {
        List<Migration> all = SchemaCheck.bundled(dialect);
        return all.get(all.size() - 1).version();
    }

    /** Flyway's log lines while {@code action} runs (Flyway logs through java.util.logging here). */
    private static List<String> flywayLog(Runnable action) {
        List<String> lines = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public synchronized void publish(LogRecord r) {
                lines.add(String.valueOf(r.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("org.flywaydb");
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        synchronized (handler) {
            return List.copyOf(lines);
        }
    }

    private static SqliteTestDatabase sqlite() {
        SqliteTestDatabase db = SqliteTestDatabase.create();
        try {
            Files.createDirectories(db.file().getParent());
        } catch (java.io.IOException e) {
            db.close();
            throw new java.io.UncheckedIOException(e);
        }
        return db;
    }

    private static Path folder(Dialect dialect) throws URISyntaxException {
        URL url = SchemaCheck.class.getClassLoader().getResource(dialect.migrationFolder());
        assertThat(url).as(dialect.migrationFolder()).isNotNull();
        return Path.of(url.toURI());
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(StoreConfig config, String sql, RowReader reader) {
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void execute(StoreConfig config, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
             Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
