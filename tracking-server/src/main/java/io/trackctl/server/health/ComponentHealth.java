package io.trackctl.server.health;

import java.util.Map;

/** One checked component: its state and a few numbers (never a connection string or an error text). */
public record ComponentHealth(HealthStatus status, Map<String, Object> details) {

    public ComponentHealth {
        details = Map.copyOf(details);
    }
}
