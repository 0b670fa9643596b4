package io.trackctl.store.internal;

import io.helidon.dbclient.DbRow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Function;

/** Typed reads from a result row, whatever Java type the driver picked for a column. */
public final class Row {

    private final Function<String, Object> columns;
    private final Dialect dialect;

    private Row(Function<String, Object> columns, Dialect dialect) {
        this.columns = columns;
        this.dialect = dialect;
    }

    static Row of(DbRow row, Dialect dialect) {
        return new Row(name -> row.column(name).get(Object.class), dialect);
    }

    /** A row read in full, by column label. */
    static Row of(java.util.Map<String, Object> values, Dialect dialect) {
        return new Row(name -> {
            if (!values.containsKey(name)) {
                throw new IllegalStateException("no column " + name + " in this row");
            }
            return values.get(name);
        }, dialect);
    }

    /** The current row of a plain JDBC result set. */
    static Row of(ResultSet rs, Dialect dialect) {
        return new Row(name -> {
            try {
                return rs.getObject(name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read column " + name, e);
            }
        }, dialect);
    }

    public Object raw(String column) {
        return columns.apply(column);
    }

    public String str(String column) {
        Object v = raw(column);
        return v == null ? null : v.toString();
    }

    public long lng(String column) {
        Long v = lngOrNull(column);
        if (v == null) {
            throw new IllegalStateException("column " + column + " is null");
        }
        return v;
    }

    public Long lngOrNull(String column) {
        Object v = raw(column);
        return switch (v) {
            case null -> null;
            case Number n -> n.longValue();
            default -> Long.parseLong(v.toString());
        };
    }

    public Integer intOrNull(String column) {
        Long v = lngOrNull(column);
        return v == null ? null : v.intValue();
    }

    public boolean bool(String column) {
        Object v = raw(column);
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case Number n -> n.intValue() != 0;
            default -> Boolean.parseBoolean(v.toString()) || "1".equals(v.toString());
        };
    }

    public Instant time(String column) {
        return dialect.readTime(raw(column));
    }

    public byte[] bytes(String column) {
        Object v = raw(column);
        return v == null ? null : (byte[]) v;
    }

    public <E extends Enum<E>> E enumOf(Class<E> type, String column) {
        String v = str(column);
        return v == null ? null : Enum.valueOf(type, v);
    }
}
