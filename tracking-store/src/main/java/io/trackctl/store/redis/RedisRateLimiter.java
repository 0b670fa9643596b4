package io.trackctl.store.redis;

import io.trackctl.core.port.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One 17TRACK request budget per API key shared by every instance: a sliding one-second window
 * kept in a Redis sorted set and checked atomically by a script using Redis's own clock, so the
 * instances' clocks do not matter. The key is stored only as a hash.
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

    public RedisRateLimiter(RedisConnection redis, String apiKey, int permitsPerSecond) {
        if (permitsPerSecond < 1) {
            throw new IllegalArgumentException("permitsPerSecond must be at least 1");
        }
        this.redis = redis;
        this.key = redis.key("rate:" + fingerprint(apiKey));
        this.permitsPerSecond = permitsPerSecond;
    }

    @Override
    public void acquire() throws InterruptedException {
        while (true) {
            String nonce = Long.toHexString(Thread.currentThread().threadId()) + "-" + System.nanoTime();
            Object r = redis.jedis().eval(SCRIPT, List.of(key),
                    List.of("1000000", Integer.toString(permitsPerSecond), nonce));
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
