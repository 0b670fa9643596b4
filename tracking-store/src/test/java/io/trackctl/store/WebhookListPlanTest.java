package io.trackctl.store;

import io.trackctl.store.internal.Dialect;
import io.trackctl.store.internal.Statements;
import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.SqliteTestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each way of listing webhook deliveries reads an index, newest first, without sorting the log:
 * by number through the claim index, by an outcome an operator looks for through the partial
 * attention index (which a push on the hot path never writes), and otherwise through received_at.
 */
class WebhookListPlanTest {

    @Test
    void sqliteListsEachWayThroughAnIndex() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create(); TrackctlStore store = TrackctlStore.open(db.config());
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            String attention = QueryPlans.of(s, "EXPLAIN QUERY PLAN " + list(Dialect.SQLITE, "webhook.list-attention"));
            String byNumber = QueryPlans.of(s, "EXPLAIN QUERY PLAN " + list(Dialect.SQLITE, "webhook.list-by-number"));
            String plain = QueryPlans.of(s, "EXPLAIN QUERY PLAN " + list(Dialect.SQLITE, "webhook.list"));
            String count = QueryPlans.of(s, "EXPLAIN QUERY PLAN " + list(Dialect.SQLITE, "webhook.count-attention"));

            assertThat(attention).contains("webhook_logs_attention_idx (outcome=?)").doesNotContain("TEMP B-TREE");
            assertThat(byNumber).contains("webhook_logs_claim_uq (number=?)");
            assertThat(plain).contains("webhook_logs_received_idx").doesNotContain("TEMP B-TREE");
            assertThat(count).contains("webhook_logs_attention_idx (outcome=?)");
        }
    }

    @Test
    void postgresListsFailedDeliveriesThroughTheAttentionIndex() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create();
             TrackctlStore store = TrackctlStore.open(db.config());
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO tracking_webhook_logs (received_at, verdict, number, outcome, created_at, updated_at) "
                    + "SELECT now() - g * interval '1 ms', 'VALID', 'LX' || g, "
                    + "CASE WHEN g % 1000 = 0 THEN 'FAILED' ELSE 'PROCESSED' END, now(), now() "
                    + "FROM generate_series(1, 20000) g");
            s.execute("ANALYZE tracking_webhook_logs");

            String custom = QueryPlans.of(s, "EXPLAIN " + list(Dialect.POSTGRESQL, "webhook.list-attention"));
            // A generic plan does not know the outcome: the IN list alone proves the index holds the rows.
            s.execute("SET plan_cache_mode = force_generic_plan");
            s.execute("PREPARE attention(text) AS " + list(Dialect.POSTGRESQL, "webhook.list-attention")
                    .replace("outcome = 'FAILED' AND", "outcome = $1 AND"));
            String generic = QueryPlans.of(s, "EXPLAIN EXECUTE attention('FAILED')");

            assertThat(custom).contains("webhook_logs_attention_idx");
            assertThat(generic).contains("webhook_logs_attention_idx");
        }
    }

    /**
     * A listing's first page with no time bounds. On SQLite the outcome and the number stay
     * parameters, as the store binds them; PostgreSQL plans with their values (a custom plan), so
     * there they are a FAILED outcome and one number.
     */
    private static String list(Dialect dialect, String name) {
        boolean sqlite = dialect == Dialect.SQLITE;
        return Statements.load(dialect.statementsResource()).sql(name)
                .replace(":outcome", sqlite ? "?" : "'FAILED'")
                .replace(":number", sqlite ? "?" : "'LX1000000001CN'")
                .replaceAll(":received_(from|to)", "NULL")
                .replace(":limit", "20")
                .replace(":offset", "0");
    }
}
