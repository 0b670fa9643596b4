package io.trackctl.benchmarks.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} or {@code --name=value} command-line flags with defaults. */
public final class Flags {

    private final Map<String, String> values = new HashMap<>();

    public Flags(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            int eq = a.indexOf('=');
            if (eq > 0) {
                values.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(a.substring(2), args[++i]);
            } else {
                values.put(a.substring(2), "true");
            }
        }
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    public double decimal(String name, double fallback) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
    }

    public Path path(String name, String fallback) {
        return Path.of(string(name, fallback));
    }

    /** Seconds, e.g. {@code 20} or {@code 20s}. */
    public Duration seconds(String name, int fallback) {
        String v = values.get(name);
        return Duration.ofSeconds(v == null ? fallback : Long.parseLong(v.replace("s", "")));
    }
}
