package io.trackctl.core.port;

/**
 * A request budget for one 17TRACK key, shared by every thread (and, in a shared implementation,
 * every process) that calls with that key. The client asks for one permit before each HTTP call.
 */
public interface RateLimiter {

    /** Blocks until one request may be sent now. */
    void acquire() throws InterruptedException;

    /** A limiter that never waits (for tests that want to provoke the server's own limit). */
    static RateLimiter unlimited() {
        return () -> {
        };
    }
}
