package io.trackctl.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import io.trackctl.store.StoreConfig;
import io.trackctl.store.StoreException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Pool settings for a SQLite file: WAL so readers never wait for the writer, a busy timeout so
 * writers queue instead of failing (a {@code busy_timeout} in the URL wins), foreign keys on, and IMMEDIATE transactions so a transaction
 * that reads before it writes cannot deadlock with another writer.
 */
public final class SqlitePool {

    static final int BUSY_TIMEOUT_MS = 10_000;

    private SqlitePool() {
    }

    public static HikariConfig configure(StoreConfig config) {
        createParentDirectory(config.jdbcUrl());
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.jdbcUrl());
        hc.setMaximumPoolSize(config.poolSize());
        hc.setPoolName("trackctl-sqlite");
        hc.setConnectionTimeout(Math.max(250, config.connectTimeout().toMillis()));
        hc.addDataSourceProperty("journal_mode", "WAL");
        hc.addDataSourceProperty("synchronous", "NORMAL");
        if (!config.jdbcUrl().contains("busy_timeout=")) {
            hc.addDataSourceProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MS));
        }
        hc.addDataSourceProperty("foreign_keys", "true");
        hc.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        hc.setConnectionInitSql(SqliteCheckpointer.connectionInitSql());
        return hc;
    }

    /**
     * The file path of a {@code jdbc:sqlite:} URL, or null for an in-memory database. A
     * {@code file:} URL is read as SQLite reads it: an empty or {@code localhost} authority
     * ({@code file:///path}, {@code file://localhost/path}), the path up to {@code ?} or
     * {@code #}, and {@code %HH} escapes decoded, so {@code file:/data/my%20shop/trackctl.db}
     * names the directory {@code my shop}, as SQLite opens it. A plain path is taken as written, up
     * to the driver's {@code ?} parameters.
     */
    public static Path filePath(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        boolean uri = rest.startsWith("file:");
        int hash = uri ? rest.indexOf('#') : -1;
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int q = rest.indexOf('?');
        String query = q >= 0 ? rest.substring(q + 1) : "";
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        if (uri) {
            rest = rest.substring("file:".length());
            if (rest.startsWith("//")) {
                int slash = rest.indexOf('/', 2);
                rest = slash < 0 ? "" : rest.substring(slash);
            }
            rest = percentDecoded(rest);
        }
        if (rest.isEmpty() || rest.startsWith(":memory:") || (uri && List.of(query.split("&")).contains("mode=memory"))) {
            return null;
        }
        return Path.of(rest);
    }

    /** {@code %HH} escapes as UTF-8 bytes; a {@code %} not followed by two hex digits stays as it is. */
    private static String percentDecoded(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int hi = i + 2 < bytes.length && bytes[i] == '%' ? Character.digit(bytes[i + 1], 16) : -1;
            int lo = hi >= 0 ? Character.digit(bytes[i + 2], 16) : -1;
            if (lo >= 0) {
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void createParentDirectory(String jdbcUrl) {
        Path file = filePath(jdbcUrl);
        Path parent = file == null ? null : file.toAbsolutePath().getParent();
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("cannot create the database directory " + parent + ": " + e.getMessage(), e);
        }
    }
}
