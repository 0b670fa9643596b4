package io.trackctl.store.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Named parameters for one statement; instants and enums are converted for the dialect. */
public final class Params {

    private final Dialect dialect;
    private final Map<String, Object> values = new HashMap<>();

    Params(Dialect dialect) {
        this.dialect = dialect;
    }

    public Params put(String name, Object value) {
        Object v = switch (value) {
            case Instant t -> dialect.bindTime(t);
            case Enum<?> e -> e.name();
            case null, default -> value;
        };
        values.put(name, v);
        return this;
    }

    public Params page(io.trackctl.core.model.PageRequest page) {
        values.put("limit", (long) page.pageSize());
        values.put("offset", page.offset());
        return this;
    }

    public Map<String, Object> map() {
        return values;
    }
}
