package io.trackctl.store;

import java.time.Duration;

/** The outcome of a health ping: whether the database answered, how fast, and why not. */
public record StoreHealth(boolean up, String dialect, Duration latency, String error) {
}
