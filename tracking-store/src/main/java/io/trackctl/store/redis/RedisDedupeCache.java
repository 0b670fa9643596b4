package io.trackctl.store.redis;

import io.trackctl.core.port.DedupeCache;
import io.trackctl.core.rules.DedupeKey;
import java.time.Duration;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * The shared dedupe layer: {@code SET key 1 NX EX ttl}, seen by every instance. Keys expire, so
 * the layer may forget (the database's constraint still catches those), but never invents one.
 * A Redis that cannot be reached counts as forgetting: {@link #seen} answers false and
 * {@link #firstSighting} true, so deliveries go on to the database, which decides.
 */
public final class RedisDedupeCache implements DedupeCache {

    private static final System.Logger LOG = System.getLogger(RedisDedupeCache.class.getName());
    private static final long WARN_EVERY_NANOS = 30_000_000_000L;

    private final RedisConnection redis;
    private final long ttlSeconds;
    private volatile long lastWarning = System.nanoTime() - WARN_EVERY_NANOS;

    public RedisDedupeCache(RedisConnection redis, Duration ttl) {
        this.redis = redis;
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
    }

    @Override
    public boolean firstSighting(DedupeKey key) {
        try {
            String ok = redis.jedis().set(redis.key("dedupe:" + key.text()), "1",
                    SetParams.setParams().nx().ex(ttlSeconds));
            return "OK".equals(ok);
        } catch (JedisException e) {
            unavailable(e);
            return true;
        }
    }

    @Override
    public boolean seen(DedupeKey key) {
        try {
            return redis.jedis().exists(redis.key("dedupe:" + key.text()));
        } catch (JedisException e) {
            unavailable(e);
            return false;
        }
    }

    private void unavailable(JedisException e) {
        long now = System.nanoTime();
        if (now - lastWarning >= WARN_EVERY_NANOS) {
            lastWarning = now;
            LOG.log(System.Logger.Level.WARNING, "dedupe: Redis cannot be reached (" + e.getMessage()
                    + "); the database decides alone until it is back");
        }
    }
}
