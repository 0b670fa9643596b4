package io.trackctl.store;

import io.trackctl.core.model.DeliveryOutcome;
import io.trackctl.core.model.DeliveryQuery;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.WebhookDelivery;
import io.trackctl.store.internal.Dialect;
import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.SqliteTestDatabase;
import io.trackctl.store.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V7 replaces the log's outcome index with one that holds only FAILED, REJECTED and
 * UNKNOWN_NUMBER: a log written before it lists every outcome as it did, and the old index is gone.
 */
class AttentionIndexMigrationTest {

    private static final List<String> OUTCOMES = List.of("PROCESSED", "FAILED", "DUPLICATE", "REJECTED",
            "FAILED", "UNKNOWN_NUMBER", "ACCEPTED", "PROCESSED");

    @Test
    void sqliteListsALogWrittenBeforeV7ByOutcome() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            Files.createDirectories(db.file().getParent());
            listsALogWrittenBeforeV7ByOutcome(db, Dialect.SQLITE, "'2026-11-01T08:00:0%d.000000Z'", "0",
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tracking_webhook_logs'");
        }
    }

    @Test
    void postgresListsALogWrittenBeforeV7ByOutcome() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            listsALogWrittenBeforeV7ByOutcome(db, Dialect.POSTGRESQL, "TIMESTAMPTZ '2026-11-01T08:00:0%dZ'", "FALSE",
                    "SELECT indexname FROM pg_indexes WHERE tablename = 'tracking_webhook_logs'");
        }
    }

    private static void listsALogWrittenBeforeV7ByOutcome(TestDatabase db, Dialect dialect, String timeFormat,
            String no, String indexes) throws SQLException {
        StoreConfig config = db.config();
        Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations(dialect.migrationLocation()).target("6").load().migrate();
        try (Connection c = connect(config); Statement s = c.createStatement()) {
            for (int i = 0; i < OUTCOMES.size(); i++) {
                String time = timeFormat.formatted(i);
                s.executeUpdate("INSERT INTO tracking_webhook_logs (received_at, verdict, number, outcome, "
                        + "body_truncated, created_at, updated_at) VALUES (" + time + ", 'VALID', 'LX100000000" + i
                        + "CN', '" + OUTCOMES.get(i) + "', " + no + ", " + time + ", " + time + ")");
            }
        }

        try (TrackctlStore store = TrackctlStore.open(config)) {
            for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
                List<String> expected = new ArrayList<>();
                for (int i = OUTCOMES.size() - 1; i >= 0; i--) {
                    if (OUTCOMES.get(i).equals(outcome.name())) {
                        expected.add("LX100000000" + i + "CN");
                    }
                }
                assertThat(store.webhooks().listDeliveries(new DeliveryQuery(outcome, null, null, null),
                        PageRequest.FIRST).items()).as("%s", outcome)
                        .extracting(WebhookDelivery::number).containsExactlyElementsOf(expected);
            }
        }
        assertThat(names(config, indexes)).contains("webhook_logs_attention_idx")
                .doesNotContain("webhook_logs_outcome_idx");
    }

    private static List<String> names(StoreConfig config, String query) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = connect(config); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    private static Connection connect(StoreConfig config) throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    }
}
