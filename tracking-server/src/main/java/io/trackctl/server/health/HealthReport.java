package io.trackctl.server.health;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The detailed health report: database, Redis, job queue, and an overall state. The server is
 * DOWN when the database or the queue is; DEGRADED when Redis is down or work piles up.
 */
public final class HealthReport {

    /** One report: overall state plus each component. */
    public record Report(HealthStatus status, Map<String, ComponentHealth> components) {
    }

    private final HealthProbe database;
    private final HealthProbe redis;
    private final HealthProbe queue;

    public HealthReport(HealthProbe database, HealthProbe redis, HealthProbe queue) {
        this.database = database;
        this.redis = redis;
        this.queue = queue;
    }

    public Report check() {
        Map<String, ComponentHealth> c = new LinkedHashMap<>();
        c.put("database", database.check());
        c.put("redis", redis.check());
        c.put("jobQueue", queue.check());
        return new Report(overall(c), c);
    }

    /** Whether the server can take traffic: the database answers. */
    public boolean ready() {
        return database.check().status() == HealthStatus.UP;
    }

    private static HealthStatus overall(Map<String, ComponentHealth> c) {
        if (c.get("database").status() == HealthStatus.DOWN || c.get("jobQueue").status() == HealthStatus.DOWN) {
            return HealthStatus.DOWN;
        }
        boolean degraded = c.values().stream()
                .anyMatch(h -> h.status() == HealthStatus.DOWN || h.status() == HealthStatus.DEGRADED);
        return degraded ? HealthStatus.DEGRADED : HealthStatus.UP;
    }
}
