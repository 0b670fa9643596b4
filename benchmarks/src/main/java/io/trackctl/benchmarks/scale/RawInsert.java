package io.trackctl.benchmarks.scale;

import io.trackctl.core.imports.ImportPipeline;
import io.trackctl.store.sqlite.SqliteCheckpointer;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

/**
 * The limit for the import: the same CSV rows inserted into {@code tracking_numbers} of an already
 * migrated database with a plain batched JDBC insert ({@link #BATCH} rows a batch, as many as the
 * import's batches, one commit a batch, same SQLite settings as the store's connections), no
 * validation and no duplicate handling. It has no background checkpoint thread: copying the log
 * into the database file happens in its commits, as SQLite does by itself. Each batch also adds its rows to the keyword index with one statement before
 * it commits, as the store does, so both leave an equally searchable table. Run as a child process
 * with the same heap as the real import. Args: JDBC URL, CSV file, shop id.
 */
public final class RawInsert {

    static final int BATCH = ImportPipeline.DEFAULT_BATCH_SIZE;

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
                    s.execute(SqliteCheckpointer.connectionInitSql());
                }
            }
            c.setAutoCommit(false);
            String now = Instant.now().toString();
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO tracking_numbers (shop_id, number, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement lastId = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM tracking_numbers");
                 PreparedStatement index = c.prepareStatement(
                         "INSERT INTO tracking_numbers_fts (rowid, number) SELECT id, number FROM tracking_numbers WHERE id > ?")) {
                in.readLine();
                long before = lastId(lastId);
                for (String line; (line = in.readLine()) != null; ) {
                    int comma = line.indexOf(',');
                    insert.setLong(1, shop);
                    insert.setString(2, line.substring(0, comma));
                    insert.setString(3, line.substring(comma + 1));
                    insert.setString(4, now);
                    insert.setString(5, now);
                    insert.addBatch();
                    if (++rows % BATCH == 0) {
                        insert.executeBatch();
                        index(index, before);
                        c.commit();
                        before = lastId(lastId);
                    }
                }
                insert.executeBatch();
                index(index, before);
                c.commit();
            }
        }
        System.out.println("rows " + rows);
    }

    private static long lastId(PreparedStatement lastId) throws Exception {
        try (ResultSet rs = lastId.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void index(PreparedStatement index, long after) throws Exception {
        index.setLong(1, after);
        index.executeUpdate();
    }
}
