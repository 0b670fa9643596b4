package io.trackctl.store.internal;

import io.trackctl.core.snapshot.IsoTimes;
import io.trackctl.store.StoreConfig;
import io.trackctl.store.StoreException;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The real differences between the two databases: where migrations and statements live, how an
 * instant is bound and read back, and which errors mean "busy, try again" or "already there".
 * The SQL text itself differs only in the statement files.
 */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    /** Fixed width (microseconds always written), so text order is time order in SQLite. */
    private static final DateTimeFormatter SQLITE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** The dialect of a JDBC URL; anything but SQLite and PostgreSQL is refused. */
    public static Dialect fromUrl(String jdbcUrl) {
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        // Redacted: an unsupported URL may still carry a password.
        throw new IllegalArgumentException("unsupported database URL '" + StoreConfig.redact(jdbcUrl)
                + "': trackctl stores data in SQLite (jdbc:sqlite:FILE) or PostgreSQL (jdbc:postgresql://HOST/DB)");
    }

    public String migrationLocation() {
        return "classpath:" + migrationFolder();
    }

    /** The resource folder of this dialect's Flyway migrations. */
    public String migrationFolder() {
        return "db/migration/" + folder;
    }

    /** The list of this dialect's migration scripts, in order (see {@link SchemaCheck}). */
    public String migrationIndex() {
        return "io/trackctl/store/migrations/" + folder + ".txt";
    }

    public String statementsResource() {
        return "io/trackctl/store/statements/" + folder + ".sql";
    }

    /** Instants are kept to the microsecond in both databases. */
    public static Instant truncate(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    public Object bindTime(Instant t) {
        if (t == null) {
            return null;
        }
        Instant micros = truncate(t);
        return switch (this) {
            case SQLITE -> SQLITE_TIME.format(micros);
            case POSTGRESQL -> OffsetDateTime.ofInstant(micros, ZoneOffset.UTC);
        };
    }

    public Instant readTime(Object value) {
        return switch (value) {
            case null -> null;
            case Timestamp ts -> ts.toInstant();
            case OffsetDateTime odt -> odt.toInstant();
            case String s -> parseText(s);
            case java.util.Date d -> d.toInstant();
            default -> throw new StoreException("not a time value: " + value.getClass().getName());
        };
    }

    /**
     * An instant stored as text. SQLite's own form ({@code 2026-11-23T10:00:00.000000Z}) is read by
     * {@link IsoTimes}, digit by digit: every row read carries several, and the general ISO parser
     * costs more than the rest of mapping the row. Any other form goes to {@link Instant#parse}.
     */
    static Instant parseText(String s) {
        OffsetDateTime fast = IsoTimes.offsetDateTime(s);
        return fast != null ? fast.toInstant() : Instant.parse(s);
    }

    /** Busy, locked, unreachable or a lost serialization race: trying again may work. */
    public boolean isTransient(SQLException e) {
        if (e instanceof SQLTransientException) {
            return true;
        }
        String state = e.getSQLState();
        return switch (this) {
            case SQLITE -> {
                int primary = e.getErrorCode() & 0xff;
                yield primary == 5 || primary == 6 || (e.getMessage() != null && e.getMessage().contains("SQLITE_BUSY"));
            }
            case POSTGRESQL -> state != null && (state.startsWith("08") || state.equals("40001")
                    || state.equals("40P01") || state.equals("55P03") || state.startsWith("57P"));
        };
    }

    public boolean isUniqueViolation(SQLException e) {
        return switch (this) {
            case SQLITE -> e.getErrorCode() == 2067 || e.getErrorCode() == 1555
                    || (e.getMessage() != null && e.getMessage().contains("UNIQUE constraint failed"));
            case POSTGRESQL -> "23505".equals(e.getSQLState());
        };
    }
}
