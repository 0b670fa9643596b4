package io.trackctl.store.redis;

import io.trackctl.core.port.RateLimiter;
import io.trackctl.core.retry.TransientFailureException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * One 17TRACK request budget per API key shared by every instance: a sliding one-second window
 * kept in a Redis sorted set and checked atomically by a script using Redis's own clock, so the
 * instances' clocks do not matter. The key is stored only as a hash.
 *
 * <p>The window is one second plus {@link #DEFAULT_GUARD}: a permit is granted in Redis, but the
 * request reaches 17TRACK a little later, and without the margin a late arrival and an early one a
 * window apart would land in one second at the server. Across busy processes that delay varies by
 * a few hundred milliseconds (scheduling, garbage collection, connection set-up), hence a guard
 * larger than the in-process limiter's.
 *
 * <p>When Redis cannot be reached no permit is granted and {@link #acquire()} throws a
 * {@link TransientFailureException}: the call is not made and the job that wanted it is retried
 * later. An instance never guesses its share of the budget on its own, so a Redis outage can slow
 * 17TRACK work down but never push the key over its limit.
 */
public final class RedisRateLimiter implements RateLimiter {

    /** Returns 0 when a permit was taken, else the milliseconds to wait before trying again. */
    private static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local window = tonumber(ARGV[1])
            local limit = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], 0, now - window)
            local n = redis.call('ZCARD', KEYS[1])
            if n < limit then
              redis.call('ZADD', KEYS[1], now, now .. '-' .. ARGV[3])
              redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000) + 1000)
              return 0
            end
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            local wait = math.ceil((tonumber(oldest[2]) + window - now) / 1000)
            if wait < 1 then wait = 1 end
            return wait
            """;

    private final RedisConnection redis;
    private final String key;
    private final int permitsPerSecond;
    private final long windowMicros;

    /** Extra window length that absorbs the delay between a grant and the request's arrival. */
    public static final Duration DEFAULT_GUARD = Duration.ofMillis(500);

    /** {@code permitsPerSecond} requests in any window of one second plus {@link #DEFAULT_GUARD}. */
    public RedisRateLimiter(RedisConnection redis, String apiKey, int permitsPerSecond) {
        this(redis, apiKey, permitsPerSecond, Duration.ofSeconds(1).plus(DEFAULT_GUARD));
    }

    /** {@code permits} requests in any window of {@code window}. */
    public RedisRateLimiter(RedisConnection redis, String apiKey, int permits, Duration window) {
        if (permits < 1) {
            throw new IllegalArgumentException("permitsPerSecond must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the window must be positive, got " + window);
        }
        this.redis = redis;
        this.key = redis.key("rate:" + fingerprint(apiKey));
        this.permitsPerSecond = permits;
        this.windowMicros = window.toNanos() / 1000;
    }

    @Override
    public void acquire() throws InterruptedException {
        while (true) {
            String nonce = Long.toHexString(Thread.currentThread().threadId()) + "-" + System.nanoTime();
            Object r;
            try {
                r = redis.jedis().eval(SCRIPT, List.of(key),
                        List.of(Long.toString(windowMicros), Integer.toString(permitsPerSecond), nonce));
            } catch (JedisConnectionException e) {
                throw new TransientFailureException("17TRACK request budget: Redis is unreachable ("
                        + e.getMessage() + "); the request is not sent", e);
            }
            long waitMs = ((Number) r).longValue();
            if (waitMs == 0) {
                return;
            }
            Thread.sleep(waitMs);
        }
    }

    static String fingerprint(String apiKey) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
