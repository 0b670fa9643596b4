package io.trackctl.benchmarks.scale;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;

/**
 * The limit for the import: the same CSV rows inserted into {@code tracking_numbers} of an already
 * migrated database with a plain batched JDBC insert (1000 rows a batch, one commit a batch, same
 * SQLite settings as the store), no validation and no duplicate handling. Run as a child process
 * with the same heap as the real import. Args: JDBC URL, CSV file, shop id.
 */
public final class RawInsert {

    private RawInsert() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path csv = Path.of(args[1]);
        long shop = Long.parseLong(args[2]);
        long rows = 0;
        try (Connection c = DriverManager.getConnection(url);
             BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            if (url.startsWith("jdbc:sqlite:")) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA synchronous=NORMAL");
                }
            }
            c.setAutoCommit(false);
            String now = Instant.now().toString();
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO tracking_numbers (shop_id, number, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                in.readLine();
                for (String line; (line = in.readLine()) != null; ) {
                    int comma = line.indexOf(',');
                    insert.setLong(1, shop);
                    insert.setString(2, line.substring(0, comma));
                    insert.setString(3, line.substring(comma + 1));
                    insert.setString(4, now);
                    insert.setString(5, now);
                    insert.addBatch();
                    if (++rows % 1000 == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
        }
        System.out.println("rows " + rows);
    }
}
