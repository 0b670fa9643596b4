package io.trackctl.store.testing;

import io.trackctl.store.StoreConfig;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

/**
 * A throwaway PostgreSQL database ({@code trackctl_t_<random>}) on the local server, created through
 * the {@code test} database as user {@code postgres} and dropped on close. When the server cannot be
 * reached the calling test is skipped, unless the environment says {@code CI=true}: then it fails.
 * Host, port and user can be changed with {@code TRACKCTL_PG_HOST}, {@code TRACKCTL_PG_PORT},
 * {@code TRACKCTL_PG_USER} and {@code TRACKCTL_PG_PASSWORD}.
 */
public final class PostgresTestDatabase implements TestDatabase {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String host;
    private final String port;
    private final String user;
    private final String password;
    private final String name;

    private PostgresTestDatabase(String host, String port, String user, String password, String name) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Creates the database, or skips (fails on CI) the calling test when PostgreSQL is unreachable. */
    public static PostgresTestDatabase create() {
        String host = env("TRACKCTL_PG_HOST", "127.0.0.1");
        String port = env("TRACKCTL_PG_PORT", "5432");
        String user = env("TRACKCTL_PG_USER", "postgres");
        String password = System.getenv("TRACKCTL_PG_PASSWORD");
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        String name = "trackctl_t_" + HexFormat.of().formatHex(bytes);
        PostgresTestDatabase db = new PostgresTestDatabase(host, port, user, password, name);
        try (Connection c = db.admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String message = "PostgreSQL at " + host + ":" + port + " (user " + user + ", database test) is not usable: "
                    + e.getMessage() + ". Start it to run the PostgreSQL tests (they are required when CI=true).";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message, e);
            }
            Assumptions.abort(message);
        }
        return db;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private Connection admin() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "3");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/test", props);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    @Override
    public StoreConfig config() {
        return StoreConfig.of(jdbcUrl()).withCredentials(user, password);
    }

    @Override
    public String impatientUrl(int millis) {
        return jdbcUrl() + "?options=-c%20lock_timeout%3D" + millis;
    }

    @Override
    public void close() {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name, e);
        }
    }
}
