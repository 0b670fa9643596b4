package io.trackctl.store;

import io.trackctl.core.model.NewShop;
import io.trackctl.store.internal.Dialect;
import io.trackctl.store.internal.Statements;
import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.SqliteTestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Keyword search is answered from the trigram index, not by reading the whole table. */
class KeywordSearchPlanTest {

    private static final String KEYWORD = "01234";

    @Test
    void sqliteSearchesThroughTheFts5TrigramTable() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create(); TrackctlStore store = TrackctlStore.open(db.config());
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            String plan = QueryPlans.of(s, "EXPLAIN QUERY PLAN " + withLiterals(Dialect.SQLITE, "tracking.search-count"));

            assertThat(plan).contains("VIRTUAL TABLE INDEX").doesNotContain("SCAN tracking_numbers ");
        }
    }

    @Test
    void postgresSearchesThroughTheTrigramGinIndex() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create();
             TrackctlStore store = TrackctlStore.open(db.config());
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            long shop = store.shops().create(new NewShop("plan", null, null, null, null, null, null)).id();
            s.execute("INSERT INTO tracking_numbers (shop_id, number, source, created_at, updated_at) "
                    + "SELECT " + shop + ", 'LX' || lpad(g::text, 9, '0') || 'CN', 'api', now(), now() "
                    + "FROM generate_series(1, 20000) g");
            s.execute("ANALYZE tracking_numbers");
            String plan = QueryPlans.of(s, "EXPLAIN " + withLiterals(Dialect.POSTGRESQL, "tracking.search-count"));

            assertThat(plan).contains("tracking_numbers_number_trgm_idx");
        }
    }

    /** The named statement with the keyword filled in and every other filter left open (null). */
    private static String withLiterals(Dialect dialect, String name) {
        return Statements.load(dialect.statementsResource()).sql(name)
                .replace(":like", "'%" + KEYWORD + "%'")
                .replace(":match", "'\"" + KEYWORD + "\"'")
                .replaceAll(":[a-z_]+", "NULL");
    }
}
