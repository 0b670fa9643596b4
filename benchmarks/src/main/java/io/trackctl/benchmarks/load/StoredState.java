package io.trackctl.benchmarks.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the server's SQLite file from outside the server (WAL lets a reader in while the server
 * writes): whether the job queue has drained, and the events stored per number.
 */
final class StoredState {

    private final String jdbcUrl;

    StoredState(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Jobs pending or running: the apply backlog. */
    long openJobs() throws SQLException {
        return count("SELECT COUNT(*) FROM sync_jobs WHERE status IN ('PENDING', 'RUNNING')");
    }

    /** Waits until no job is pending or running; returns the jobs that failed for good. */
    long awaitDrained(Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long open = openJobs();
            if (open == 0) {
                return count("SELECT COUNT(*) FROM sync_jobs WHERE status = 'FAILED'");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(open + " jobs still open after " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /** Webhook log rows with a valid signature (one per push answered 200 or later refused by the database). */
    long verifiedDeliveries() throws SQLException {
        return count("SELECT COUNT(*) FROM tracking_webhook_logs WHERE verdict = 'VALID'");
    }

    Map<String, Verification.Stored> byNumber() throws SQLException {
        Map<String, Verification.Stored> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT t.number, t.track_status, COUNT(e.id) AS events,
                            COUNT(DISTINCT e.time_utc || '|' || e.provider_key || '|' || e.content_hash) AS distinct_events
                     FROM tracking_numbers t LEFT JOIN tracking_events e ON e.tracking_id = t.id
                     GROUP BY t.id, t.number, t.track_status""")) {
            while (rs.next()) {
                out.put(rs.getString(1), new Verification.Stored(rs.getInt(3), rs.getInt(4), rs.getString(2)));
            }
        }
        return out;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
