package io.trackctl.client;

import io.trackctl.core.port.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * At most {@code permits} requests in any window of {@code window}, for every thread sharing this
 * instance. It remembers the last {@code permits} grant times; a caller gets the earliest slot one
 * window after the oldest of them and sleeps until then outside the lock, so waiting threads queue
 * in the order they asked.
 */
public final class SlidingWindowRateLimiter implements RateLimiter {

    /** Extra spacing so that network jitter does not push arrivals at the server into one window. */
    public static final Duration DEFAULT_GUARD = Duration.ofMillis(100);

    private static final ConcurrentMap<String, SlidingWindowRateLimiter> SHARED = new ConcurrentHashMap<>();

    private final long windowNanos;
    private final long[] grants;
    private final LongSupplier nanoClock;
    private int next;

    public SlidingWindowRateLimiter(int permits, Duration window, LongSupplier nanoClock) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, got " + permits);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
        this.grants = new long[permits];
        long start = nanoClock.getAsLong() - windowNanos;
        java.util.Arrays.fill(grants, start);
    }

    /**
     * The one limiter of this JVM for {@code apiKey} (17TRACK counts per key, so every client built
     * for the same key must draw from the same budget). The key is kept only as a hash.
     */
    public static SlidingWindowRateLimiter shared(String apiKey, int perSecond) {
        String id = WebhookSignature.sign(apiKey.getBytes(StandardCharsets.UTF_8), "rate-limit") + "/" + perSecond;
        return SHARED.computeIfAbsent(id, k -> perSecond(perSecond));
    }

    /** {@code perSecond} requests per second, with {@link #DEFAULT_GUARD} added to the window. */
    public static SlidingWindowRateLimiter perSecond(int perSecond) {
        return new SlidingWindowRateLimiter(perSecond, Duration.ofSeconds(1).plus(DEFAULT_GUARD), System::nanoTime);
    }

    @Override
    public void acquire() throws InterruptedException {
        long slot = reserve();
        long wait;
        while ((wait = slot - nanoClock.getAsLong()) > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** Takes the next free slot and returns when it starts, on the nano clock. */
    synchronized long reserve() {
        long now = nanoClock.getAsLong();
        long slot = Math.max(now, grants[next] + windowNanos);
        grants[next] = slot;
        next = (next + 1) % grants.length;
        return slot;
    }
}
