package io.trackctl.store;

import io.trackctl.core.model.DeliveryQuery;
import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.JobTrigger;
import io.trackctl.core.model.NewDelivery;
import io.trackctl.core.model.NewJob;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.SignatureVerdict;
import io.trackctl.core.port.WebhookLog.Accepted;
import io.trackctl.core.port.WebhookLog.Duplicate;
import io.trackctl.store.internal.Dialect;
import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.SqliteTestDatabase;
import io.trackctl.store.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migration V5 moves the dedupe claim from its own table onto the log rows: a database written by
 * V4 keeps every key it had claimed, and its earlier deliveries stay listed by number; a claim it
 * cannot carry over stops the migration.
 */
class DedupeClaimMigrationTest {

    private static final NewJob APPLY = new NewJob(JobKind.APPLY_WEBHOOK, JobTrigger.WEBHOOK, null, null, 3, null);

    @Test
    void sqliteKeepsTheKeysClaimedBeforeV5() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            Files.createDirectories(db.file().getParent());
            keepsTheKeysClaimedBeforeV5(db, Dialect.SQLITE, "'2026-11-01T08:00:00.000000Z'", "0");
        }
    }

    @Test
    void postgresKeepsTheKeysClaimedBeforeV5() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            keepsTheKeysClaimedBeforeV5(db, Dialect.POSTGRESQL, "TIMESTAMPTZ '2026-11-01T08:00:00Z'", "FALSE");
        }
    }

    @Test
    void sqliteStopsAtAClaimItCannotCarryOver() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            Files.createDirectories(db.file().getParent());
            stopsAtAClaimItCannotCarryOver(db, Dialect.SQLITE, "'2026-11-01T08:00:00.000000Z'");
        }
    }

    @Test
    void postgresStopsAtAClaimItCannotCarryOver() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            stopsAtAClaimItCannotCarryOver(db, Dialect.POSTGRESQL, "TIMESTAMPTZ '2026-11-01T08:00:00Z'");
        }
    }

    /** A claim whose delivery is not logged (removed by hand): V5 fails and leaves the V4 schema whole. */
    private static void stopsAtAClaimItCannotCarryOver(TestDatabase db, Dialect dialect, String time)
            throws SQLException {
        StoreConfig config = db.config();
        atV4(config, dialect, "INSERT INTO webhook_dedupe_keys (dedupe_key, delivery_id, created_at, updated_at) "
                + "VALUES ('U|LX1000000009CN|-|1|-', 999, " + time + ", " + time + ")");

        assertThatThrownBy(() -> TrackctlStore.open(config).close())
                .hasStackTraceContaining("v5_every_dedupe_claim_names_its_logged_delivery");

        assertThat(number(config, "SELECT COUNT(*) FROM webhook_dedupe_keys"))
                .as("the claim is still where V4 kept it").isEqualTo(1);
    }

    private static void keepsTheKeysClaimedBeforeV5(TestDatabase db, Dialect dialect, String time, String no)
            throws SQLException {
        StoreConfig config = db.config();
        // As V4's store wrote them: the accepted delivery with its key in webhook_dedupe_keys, a
        // duplicate of it logged with the same key but no claim, and a rejected delivery.
        atV4(config, dialect,
                logRow("'LX1000000001CN'", "'U|LX1000000001CN|-|1|-'", "ACCEPTED", time, no),
                logRow("'LX1000000001CN'", "'U|LX1000000001CN|-|1|-'", "DUPLICATE", time, no),
                logRow("NULL", "NULL", "REJECTED", time, no),
                "INSERT INTO webhook_dedupe_keys (dedupe_key, delivery_id, created_at, updated_at) "
                        + "SELECT dedupe_key, id, created_at, updated_at FROM tracking_webhook_logs "
                        + "WHERE outcome = 'ACCEPTED'");
        long claimedBefore = number(config, "SELECT min(id) FROM tracking_webhook_logs WHERE outcome = 'ACCEPTED'");

        try (TrackctlStore store = TrackctlStore.open(config)) {
            assertThat(store.webhooks().recordVerified(delivery("LX1000000001CN", "U|LX1000000001CN|-|1|-"), APPLY))
                    .as("a key claimed before V5 is still claimed").isInstanceOf(Duplicate.class);
            assertThat(store.webhooks().recordVerified(delivery("LX1000000001CN", "U|LX1000000001CN|-|2|-"), APPLY))
                    .isInstanceOf(Accepted.class);
            assertThat(store.webhooks().listDeliveries(new DeliveryQuery(null, "LX1000000001CN", null, null),
                    PageRequest.FIRST).total()).isEqualTo(4);
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT id FROM tracking_webhook_logs WHERE dedupe_claimed = 1 "
                         + "ORDER BY id")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getLong(1)).as("the delivery that held the key before V5").isEqualTo(claimedBefore);
                assertThat(r.next()).as("the delivery accepted after V5").isTrue();
                assertThat(r.next()).isFalse();
            }
        }
    }

    /** Migrates the database to V4, the schema before the change, and runs {@code statements} on it. */
    private static void atV4(StoreConfig config, Dialect dialect, String... statements) throws SQLException {
        Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations(dialect.migrationLocation()).target("4").load().migrate();
        try (Connection c = connect(config); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        }
    }

    /** The one number a query answers, read outside any store. */
    private static long number(StoreConfig config, String query) throws SQLException {
        try (Connection c = connect(config); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Connection connect(StoreConfig config) throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    }

    private static String logRow(String number, String key, String outcome, String time, String no) {
        return "INSERT INTO tracking_webhook_logs (received_at, verdict, event_type, number, dedupe_key, outcome, "
                + "body_truncated, created_at, updated_at) VALUES (" + time + ", 'VALID', "
                + "'TRACKING_UPDATED', " + number + ", " + key + ", '" + outcome + "', " + no + ", " + time + ", "
                + time + ")";
    }

    private static NewDelivery delivery(String number, String key) {
        return new NewDelivery(Instant.parse("2026-11-02T08:00:00Z"), "127.0.0.1", SignatureVerdict.VALID,
                "TRACKING_UPDATED", number, null, key, "{}".getBytes(StandardCharsets.UTF_8), false, null);
    }
}
