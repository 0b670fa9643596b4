package io.trackctl.store.sqlite;

import io.trackctl.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Keeps SQLite's keyword index complete for rows it never saw. Since migration V3 the store
 * indexes the rows each transaction inserts, and no trigger does it for other writers. A binary
 * from before V3, run against this database after a rollback (Flyway lets an older binary run on
 * a newer schema), inserts rows the index never sees; they all lie above the newest indexed row,
 * so they are found by one read of the index's own row table and added here.
 *
 * <p>Rows inserted by such a binary while a current one also inserted, in between rows the current
 * one indexed, are not found that way: that needs a pass over every row, which each open would pay
 * for. {@link #repair} makes it, for {@code trackctl db migrate}.
 */
public final class SqliteKeywordIndex {

    private static final System.Logger LOG = System.getLogger(SqliteKeywordIndex.class.getName());

    private SqliteKeywordIndex() {
    }

    /**
     * Indexes the rows above the newest indexed one, if any; returns how many. Only reads when
     * there are none. When there are, it writes, and may wait for another process's write lock up
     * to the busy timeout; if that or anything else fails, it logs a warning and the store opens
     * anyway (the next open tries again): a search that misses some rows beats no store.
     */
    public static int catchUp(DataSource pool, UnaryOperator<String> statements) {
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(statements.apply("tracking.unindexed-tail"));
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0;
                }
            }
            int added;
            try (PreparedStatement ps = c.prepareStatement(statements.apply("tracking.index-tail"))) {
                added = ps.executeUpdate();
            }
            LOG.log(System.Logger.Level.INFO, "added {0} tracking numbers to the keyword index that had been "
                    + "stored without it (by a binary from before migration V3)", added);
            return added;
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "could not bring the keyword index up to date ({0}); keyword "
                    + "search may miss recently added tracking numbers until the next start", e.getMessage());
            return 0;
        }
    }

    /**
     * Adds every row missing from the index, wherever it lies, in one pass over all rows (about
     * half a second per million on a warm cache); returns how many.
     *
     * @throws StoreException when it cannot
     */
    public static int repair(DataSource pool, UnaryOperator<String> statements) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement(statements.apply("tracking.index-missing"))) {
            int added = ps.executeUpdate();
            if (added > 0) {
                LOG.log(System.Logger.Level.INFO, "added {0} tracking numbers missing from the keyword index", added);
            }
            return added;
        } catch (SQLException e) {
            throw new StoreException("cannot repair the keyword index: " + e.getMessage(), e);
        }
    }
}
