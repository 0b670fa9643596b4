package io.trackctl.store.redis;

import io.trackctl.core.port.DedupeCache;
import io.trackctl.core.rules.DedupeKey;
import java.time.Duration;
import redis.clients.jedis.params.SetParams;

/**
 * The shared dedupe layer: {@code SET key 1 NX EX ttl}, seen by every instance. Keys expire, so
 * the layer may forget (the database's constraint still catches those), but never invents one.
 */
public final class RedisDedupeCache implements DedupeCache {

    private final RedisConnection redis;
    private final long ttlSeconds;

    public RedisDedupeCache(RedisConnection redis, Duration ttl) {
        this.redis = redis;
        this.ttlSeconds = Math.max(1, ttl.toSeconds());
    }

    @Override
    public boolean firstSighting(DedupeKey key) {
        String ok = redis.jedis().set(redis.key("dedupe:" + key.text()), "1", SetParams.setParams().nx().ex(ttlSeconds));
        return "OK".equals(ok);
    }

    @Override
    public boolean seen(DedupeKey key) {
        return redis.jedis().exists(redis.key("dedupe:" + key.text()));
    }
}
