package io.trackctl.store.sqlite;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Drops a pooled SQLite connection whose transaction state can no longer be trusted. The driver
 * records "not in autocommit" before it runs {@code BEGIN}; when that {@code BEGIN} fails on a
 * locked file, the connection believes a transaction is open that SQLite never started, so every
 * later commit or rollback on it fails ("no transaction is active") long after the lock is gone.
 * The pool does not evict on such errors by itself, so the connection is evicted here.
 */
public final class SqliteEvictions {

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final Set<String> TRANSACTION_METHODS = Set.of("setAutoCommit", "commit", "rollback");

    private SqliteEvictions() {
    }

    /** The connection, evicted from {@code pool} as soon as a transaction call on it fails that way. */
    public static Connection guard(Connection pooled, HikariDataSource pool) {
        return (Connection) Proxy.newProxyInstance(SqliteEvictions.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(pooled, args);
                    } catch (InvocationTargetException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof SQLException sql && TRANSACTION_METHODS.contains(method.getName())
                                && untrusted(sql)) {
                            pool.evictConnection(pooled);
                        }
                        throw cause;
                    }
                });
    }

    static boolean untrusted(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        String message = e.getMessage() == null ? "" : e.getMessage();
        return primary == SQLITE_BUSY || primary == SQLITE_LOCKED || message.contains("SQLITE_BUSY")
                || message.contains("no transaction is active");
    }
}
