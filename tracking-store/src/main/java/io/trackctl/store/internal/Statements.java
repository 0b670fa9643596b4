package io.trackctl.store.internal;

import io.trackctl.store.StoreException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named SQL statements of one dialect, read from a resource where each statement follows a
 * {@code -- name: some.name} line. Both dialect files carry the same names.
 */
public final class Statements {

    private static final Pattern NAME = Pattern.compile("^--\\s*name:\\s*(\\S+)\\s*$");

    private final Map<String, String> byName;
    private final Map<String, NamedSql> prepared;

    private Statements(Map<String, String> byName) {
        this.byName = Collections.unmodifiableMap(byName);
        Map<String, NamedSql> p = new HashMap<>();
        byName.forEach((name, sql) -> p.put(name, NamedSql.parse(name, sql)));
        this.prepared = Map.copyOf(p);
    }

    public static Statements load(String resource) {
        try (InputStream in = Statements.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new StoreException("statements resource not found: " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StoreException("cannot read statements resource " + resource, e);
        }
    }

    static Statements parse(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        String current = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            Matcher m = NAME.matcher(line.strip());
            if (m.matches()) {
                put(map, current, sql);
                current = m.group(1);
                sql.setLength(0);
            } else if (current != null && !line.strip().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        put(map, current, sql);
        return new Statements(map);
    }

    private static void put(Map<String, String> map, String name, StringBuilder sql) {
        if (name == null) {
            return;
        }
        String text = sql.toString().strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1);
        }
        if (map.putIfAbsent(name, text) != null) {
            throw new StoreException("statement defined twice: " + name);
        }
    }

    public String sql(String name) {
        String sql = byName.get(name);
        if (sql == null) {
            throw new StoreException("no statement named " + name);
        }
        return sql;
    }

    /** The statement in JDBC's positional form, parsed once. */
    NamedSql prepared(String name) {
        NamedSql sql = prepared.get(name);
        if (sql == null) {
            throw new StoreException("no statement named " + name);
        }
        return sql;
    }

    public Map<String, String> all() {
        return byName;
    }
}
