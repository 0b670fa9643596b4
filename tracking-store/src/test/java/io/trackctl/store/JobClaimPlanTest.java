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
 * A worker's claim reads only its own kinds' due jobs: a backlog of another kind (the webhook
 * queue after a burst) is not walked by the import worker that looks for imports every 250 ms.
 */
class JobClaimPlanTest {

    @Test
    void sqliteClaimsEachKindFromItsOwnRangeOfTheClaimIndex() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create(); TrackctlStore store = TrackctlStore.open(db.config());
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            String plan = QueryPlans.of(s, "EXPLAIN QUERY PLAN " + importClaim(Dialect.SQLITE));

            // One index range per kind slot, and no walk over the table.
            assertThat(plan.split("sync_jobs_claim_idx \\(status=\\? AND kind=\\? AND next_attempt_at<\\?\\)", -1))
                    .hasSize(5);
            assertThat(plan).doesNotContain("SCAN sync_jobs");
        }
    }

    @Test
    void sqliteFindsStaleJobsThroughTheClaimIndexToo() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create(); TrackctlStore store = TrackctlStore.open(db.config());
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            String sql = Statements.load(Dialect.SQLITE.statementsResource()).sql("job.stale-runnable")
                    .replaceAll(":k([1-4])", "'K$1'")
                    .replace(":max", "8")
                    .replace(":stale", "'2100-01-01T00:00:00.000Z'");
            String plan = QueryPlans.of(s, "EXPLAIN QUERY PLAN " + sql);

            // One range per kind slot for pending jobs, one lookup per kind for running ones.
            assertThat(plan.split("sync_jobs_claim_idx \\(status=\\? AND kind=\\? AND next_attempt_at<\\?\\)", -1))
                    .hasSize(5);
            assertThat(plan).contains("sync_jobs_claim_idx (status=? AND kind=?)").doesNotContain("SCAN sync_jobs");
        }
    }

    @Test
    void postgresClaimsOneKindThroughTheClaimIndexPastABacklogOfAnother() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create();
             TrackctlStore store = TrackctlStore.open(db.config());
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO sync_jobs (kind, job_trigger, status, attempts, max_attempts, next_attempt_at, "
                    + "created_at, updated_at) SELECT 'APPLY_WEBHOOK', 'WEBHOOK', 'PENDING', 0, 8, "
                    + "now() - g * interval '1 ms', now(), now() FROM generate_series(1, 20000) g");
            s.execute("ANALYZE sync_jobs");
            String plan = QueryPlans.of(s, "EXPLAIN " + importClaim(Dialect.POSTGRESQL));

            assertThat(plan).contains("sync_jobs_claim_idx");
        }
    }

    /** The import worker's claim: one kind in the first slot, the others empty. */
    private static String importClaim(Dialect dialect) {
        return Statements.load(dialect.statementsResource()).sql("job.claim")
                .replace(":k1", "'IMPORT'")
                .replaceAll(":k[2-4]", "NULL")
                .replace(":max", "8")
                .replace(":worker", "'w'")
                .replaceAll(":(now|until)", "'2100-01-01T00:00:00.000Z'");
    }
}
