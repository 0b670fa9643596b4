package io.trackctl.store.internal;

import io.helidon.dbclient.DbRow;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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

    /** A row read in full, by lower-case column label. */
    static Row of(Map<String, Object> values, Dialect dialect) {
        return new Row(name -> {
            String key = values.containsKey(name) ? name : name.toLowerCase(Locale.ROOT);
            if (!values.containsKey(key)) {
                throw new IllegalStateException("no column " + name + " in this row");
            }
            return values.get(key);
        }, dialect);
    }

    /**
     * The current row of a plain JDBC result set, whichever row that is when a column is read: one
     * {@code Row} serves every row of the set. Column names are resolved once, here, instead of by
     * the driver on every read.
     */
    static Row of(ResultSet rs, Dialect dialect) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Integer> index = new HashMap<>();
        for (int i = meta.getColumnCount(); i >= 1; i--) {
            index.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
        }
        return new Row(name -> {
            Integer i = index.get(name);
            if (i == null) {
                i = index.get(name.toLowerCase(Locale.ROOT));
            }
            if (i == null) {
                throw new IllegalStateException("no column " + name);
            }
            try {
                return rs.getObject(i);
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
