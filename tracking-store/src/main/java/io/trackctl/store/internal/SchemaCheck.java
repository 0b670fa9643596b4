package io.trackctl.store.internal;

import io.trackctl.store.StoreException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * Whether a database already has exactly the schema this build ships, read from Flyway's history
 * table. Starting Flyway costs about a quarter of the CPU of a server's or a command's start, even
 * when there is nothing to migrate; a database this check finds current is opened without it.
 *
 * <p>Current means: every bundled migration is in the history, in order, applied successfully,
 * with the script name and checksum Flyway recorded for it, and the history holds nothing else.
 * Anything else answers false, and Flyway migrates, validates and reports as always: no history
 * yet, a pending, failed, edited or unknown migration, a history this check cannot read. So does
 * a history Flyway would accept but this check does not model (a baseline, a schema Flyway created
 * itself, a repeatable migration): such a database is opened correctly, only not faster.
 */
public final class SchemaCheck {

    /** Flyway's default history table, in the connection's current schema. */
    private static final String HISTORY = "flyway_schema_history";

    private static final Map<Dialect, List<Migration>> BUNDLED = new ConcurrentHashMap<>();

    private SchemaCheck() {
    }

    /**
     * A migration this build ships: its script name, its version (null for a script that is not a
     * versioned migration, which this check leaves to Flyway) and its Flyway checksum.
     */
    public record Migration(String script, String version, int checksum) {
    }

    /**
     * True when the history on this connection matches {@link #bundled(Dialect)} exactly; false
     * also when it cannot be read.
     */
    public static boolean isCurrent(Connection c, Dialect dialect) {
        List<Migration> bundled = bundled(dialect);
        if (bundled.isEmpty() || bundled.stream().anyMatch(m -> m.version() == null)) {
            return false;
        }
        try {
            String table = historyTable(c, dialect);
            if (table == null) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT version, script, checksum, type, success FROM "
                    + table + " ORDER BY installed_rank");
                 ResultSet rs = ps.executeQuery()) {
                int i = 0;
                while (rs.next()) {
                    if (i == bundled.size() || !matches(bundled.get(i), rs)) {
                        return false;
                    }
                    i++;
                }
                return i == bundled.size();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean matches(Migration m, ResultSet rs) throws SQLException {
        int checksum = rs.getInt("checksum");
        return !rs.wasNull() && checksum == m.checksum()
                && m.version().equals(rs.getString("version"))
                && m.script().equals(rs.getString("script"))
                && "SQL".equals(rs.getString("type"))
                && rs.getBoolean("success");
    }

    /** The history table, qualified the way Flyway finds it, or null when there is none yet. */
    private static String historyTable(Connection c, Dialect dialect) throws SQLException {
        return switch (dialect) {
            case SQLITE -> exists(c, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + HISTORY + "'")
                    ? HISTORY : null;
            case POSTGRESQL -> {
                // Flyway keeps its history in the connection's current schema; an unqualified name
                // could find another schema's table further along the search path.
                String schema = null;
                try (PreparedStatement ps = c.prepareStatement("SELECT current_schema()");
                     ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        schema = rs.getString(1);
                    }
                }
                if (schema == null) {
                    yield null;
                }
                String table = quote(schema) + "." + quote(HISTORY);
                try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                    ps.setString(1, table);
                    try (ResultSet rs = ps.executeQuery()) {
                        yield rs.next() && rs.getBoolean(1) ? table : null;
                    }
                }
            }
        };
    }

    private static boolean exists(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * The migrations this build ships for a dialect, in order, as listed in
     * {@link Dialect#migrationIndex()} (a test keeps that list equal to the migration folder).
     */
    public static List<Migration> bundled(Dialect dialect) {
        return BUNDLED.computeIfAbsent(dialect, SchemaCheck::read);
    }

    private static List<Migration> read(Dialect dialect) {
        List<Migration> list = new ArrayList<>();
        for (String line : resource(dialect.migrationIndex()).lines().toList()) {
            String script = line.strip();
            if (script.isEmpty() || script.startsWith("#")) {
                continue;
            }
            String text = resource(dialect.migrationFolder() + "/" + script);
            list.add(new Migration(script, version(script), checksum(text)));
        }
        return List.copyOf(list);
    }

    /**
     * {@code V12__name.sql} is version {@code 12}, {@code V1_1__name.sql} {@code 1.1}, as Flyway
     * reads them; any other name (a repeatable or undo script, a callback) has none.
     */
    public static String version(String script) {
        int end = script.indexOf("__");
        if (!script.startsWith("V") || end < 2 || !script.endsWith(".sql")) {
            return null;
        }
        return script.substring(1, end).replace('_', '.');
    }

    /**
     * Flyway's checksum of a SQL migration: CRC-32 over the UTF-8 bytes of each line without its
     * line ending, a leading byte-order mark left out, as a signed int. Line endings do not count.
     */
    public static int checksum(String text) {
        CRC32 crc = new CRC32();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (BufferedReader in = new BufferedReader(new StringReader(body))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
        return (int) crc.getValue();
    }

    private static String resource(String name) {
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new StoreException("resource not found: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read resource " + name, e);
        }
    }
}
