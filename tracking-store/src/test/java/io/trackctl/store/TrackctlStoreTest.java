package io.trackctl.store;

import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.SqliteTestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackctlStoreTest {

    @Test
    void aUrlOfAnotherDatabaseIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> TrackctlStore.open(StoreConfig.of("jdbc:mysql://localhost/trackctl")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql://localhost/trackctl")
                .hasMessageContaining("jdbc:sqlite:")
                .hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void anUnsupportedUrlIsRefusedWithoutItsPassword() {
        assertThatThrownBy(() -> TrackctlStore.schemaStatus(StoreConfig.of("jdbc:mysql://app:pw-secret-2@db/trackctl")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql://app:****@db/trackctl")
                .hasMessageNotContaining("pw-secret-2");
    }

    @Test
    void theConfigNeverShowsThePassword() {
        StoreConfig config = StoreConfig.of("jdbc:postgresql://db/trackctl").withCredentials("app", "s3cret-pass");

        assertThat(config.toString()).contains("app").doesNotContain("s3cret-pass");
        assertThat(config.poolSize()).isEqualTo(StoreConfig.DEFAULT_POOL_SIZE);
    }

    @Test
    void anUnreachablePostgresServerFailsToOpenWithTheUrlInTheMessage() {
        StoreConfig config = new StoreConfig("jdbc:postgresql://127.0.0.1:1/none", 1, "postgres", "pw",
                java.time.Duration.ofMillis(500));

        assertThatThrownBy(() -> TrackctlStore.open(config))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/none")
                .hasMessageNotContaining("pw");
    }

    @Test
    void aSqliteStoreCreatesItsDirectoryRunsInWalModeWithForeignKeysAndReportsHealth() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create(); TrackctlStore store = TrackctlStore.open(db.config())) {
            assertThat(Files.exists(db.file())).isTrue();
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertThat(single(s, "PRAGMA journal_mode")).isEqualToIgnoringCase("wal");
                assertThat(single(s, "PRAGMA foreign_keys")).isEqualTo("1");
                assertThat(Integer.parseInt(single(s, "PRAGMA busy_timeout"))).isPositive();
            }
            StoreHealth health = store.health();
            assertThat(health.up()).isTrue();
            assertThat(health.dialect()).isEqualTo("sqlite");
            assertThat(health.latency()).isPositive();
        }
    }

    @Test
    void reopeningAMigratedDatabaseKeepsItsData() {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            long id;
            try (TrackctlStore store = TrackctlStore.open(db.config())) {
                id = store.alerts().saveAlert("k", "m", null).id();
            }
            try (TrackctlStore store = TrackctlStore.open(db.config())) {
                assertThat(store.alerts().listAlerts(io.trackctl.core.model.PageRequest.FIRST).items())
                        .extracting(io.trackctl.core.model.Alert::id).containsExactly(id);
            }
        }
    }

    @Test
    void aPostgresStoreHasTheTrigramExtensionAndReportsHealth() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create();
             TrackctlStore store = TrackctlStore.open(db.config())) {
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertThat(single(s, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")).isEqualTo("1");
            }
            assertThat(store.health().up()).isTrue();
            assertThat(store.health().dialect()).isEqualTo("postgresql");
        }
    }

    @Test
    void aClosedStoreReportsItselfDown() {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            TrackctlStore store = TrackctlStore.open(db.config());
            store.close();

            StoreHealth health = store.health();

            assertThat(health.up()).isFalse();
            assertThat(health.error()).isNotBlank();
        }
    }

    @Test
    void theSchemaOfASqliteFileNotThereYetIsAllPendingAndStaysUncreated() {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            SchemaStatus status = TrackctlStore.schemaStatus(db.config());

            assertThat(status.databaseExists()).isFalse();
            assertThat(status.currentVersion()).isNull();
            assertThat(status.migrations()).extracting(SchemaStatus.Migration::state).containsOnly("pending");
            assertThat(status.migrations().get(0).version()).isEqualTo("1");
            assertThat(status.migrations().get(1).description()).isEqualTo("carrier catalogue");
            assertThat(status.pending()).isEqualTo(status.migrations().size()).isGreaterThan(1);
            assertThat(status.upToDate()).isFalse();
            assertThat(db.file()).doesNotExist();
            assertThat(db.file().getParent()).doesNotExist();
        }
    }

    @Test
    void theSchemaOfAMigratedSqliteDatabaseIsUpToDateAndAFailedMigrationCounts() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            SchemaStatus before = TrackctlStore.schemaStatus(db.config());
            try (TrackctlStore store = TrackctlStore.open(db.config())) {
                SchemaStatus status = TrackctlStore.schemaStatus(db.config());

                assertThat(status.databaseExists()).isTrue();
                assertThat(status.upToDate()).isTrue();
                assertThat(status.migrations()).extracting(SchemaStatus.Migration::state).containsOnly("success");
                assertThat(status.migrations()).extracting(SchemaStatus.Migration::description)
                        .isEqualTo(before.migrations().stream().map(SchemaStatus.Migration::description).toList());
                assertThat(status.migrations()).allSatisfy(m -> assertThat(m.installedOn()).isNotNull());
                String newest = status.migrations().get(status.migrations().size() - 1).version();
                assertThat(status.currentVersion()).isEqualTo(newest);

                // A migration of a newer build that failed half-way, as its history row says.
                try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                            + " script, checksum, installed_by, execution_time, success) VALUES (900, '900',"
                            + " 'from a newer build', 'SQL', 'V900__from_a_newer_build.sql', 1, 'test', 1, 0)");
                }
                SchemaStatus failed = TrackctlStore.schemaStatus(db.config());
                assertThat(failed.failed()).isEqualTo(1);
                assertThat(failed.upToDate()).isFalse();
                assertThat(failed.migrations()).filteredOn(SchemaStatus.Migration::failed)
                        .extracting(SchemaStatus.Migration::version).containsExactly("900");
            }
        }
    }

    @Test
    void theSchemaOfAMigratedPostgresDatabaseIsUpToDate() {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            assertThat(TrackctlStore.schemaStatus(db.config()).pending()).isPositive();
            try (TrackctlStore store = TrackctlStore.open(db.config())) {
                SchemaStatus status = TrackctlStore.schemaStatus(db.config());

                assertThat(status.databaseExists()).isTrue();
                assertThat(status.upToDate()).isTrue();
                assertThat(status.migrations()).extracting(SchemaStatus.Migration::state).containsOnly("success");
            }
        }
    }

    @Test
    void aSchemaThatCannotBeReadIsAStoreErrorWithoutThePassword() {
        StoreConfig config = StoreConfig.of("jdbc:postgresql://127.0.0.1:1/none?user=app&password=pw-secret-1");

        assertThatThrownBy(() -> TrackctlStore.schemaStatus(config))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot read the schema of jdbc:postgresql://127.0.0.1:1/none")
                .hasMessageNotContaining("pw-secret-1");
    }

    private static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
