package io.trackctl.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import io.trackctl.store.StoreConfig;
import io.trackctl.store.StoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** The file path of a {@code jdbc:sqlite:} URL, or null for an in-memory database. */
    static Path filePath(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.isEmpty() || rest.startsWith(":memory:") || rest.contains("mode=memory")) {
            return null;
        }
        return Path.of(rest);
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
