package io.trackctl.server.health;

/** Checks one component; must not throw. */
@FunctionalInterface
public interface HealthProbe {

    ComponentHealth check();
}
