package io.trackctl.server.health;

/** The state of one component or of the whole server. */
public enum HealthStatus {
    UP,
    DEGRADED,
    DOWN,
    /** Not configured, so not checked (Redis without a URL). */
    DISABLED
}
