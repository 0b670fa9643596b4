package io.trackctl.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The plan a database prints for a statement, for tests that check which index a statement uses. */
final class QueryPlans {

    private QueryPlans() {
    }

    /** Runs {@code explain} (an EXPLAIN statement) and returns the last column of each row, one per line. */
    static String of(Statement s, String explain) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = s.executeQuery(explain)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                out.append(rs.getString(n)).append('\n');
            }
        }
        return out.toString();
    }
}
