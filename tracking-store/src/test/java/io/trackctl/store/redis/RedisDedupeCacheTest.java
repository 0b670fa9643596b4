package io.trackctl.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.rules.DedupeKey;
import io.trackctl.store.testing.RedisTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedisDedupeCacheTest {

    private static final DedupeKey KEY = new DedupeKey(false, "LX1", 3011, 1_763_892_000_000L, 42, true);
    private static final DedupeKey OTHER = new DedupeKey(false, "LX1", 3011, 1_763_892_000_000L, 43, true);
    private static final DedupeKey STOP = new DedupeKey(true, "LX1", 3011, DedupeKey.NONE, 0, false);

    private RedisTestServer redis;

    @BeforeEach
    void start() {
        redis = RedisTestServer.start();
    }

    @AfterEach
    void stop() {
        redis.close();
    }

    @Test
    void aKeyIsFirstSeenOnceAcrossTwoInstances() {
        RedisDedupeCache a = new RedisDedupeCache(redis.connection(), Duration.ofMinutes(5));
        RedisDedupeCache b = new RedisDedupeCache(redis.connection(), Duration.ofMinutes(5));

        assertThat(b.seen(KEY)).isFalse();
        assertThat(a.firstSighting(KEY)).isTrue();
        assertThat(b.firstSighting(KEY)).isFalse();
        assertThat(b.seen(KEY)).isTrue();
        assertThat(b.seen(OTHER)).isFalse();
    }

    @Test
    void keysExpireAfterTheirTimeToLive() {
        RedisDedupeCache cache = new RedisDedupeCache(redis.connection(), Duration.ofMinutes(5));
        cache.firstSighting(STOP);

        long ttl = redis.connection().jedis().ttl(redis.connection().key("dedupe:S|LX1|3011"));

        assertThat(ttl).isBetween(1L, 300L);
    }

    @Test
    void concurrentSightingsLetExactlyOneThrough() throws Exception {
        RedisDedupeCache cache = new RedisDedupeCache(redis.connection(), Duration.ofMinutes(5));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            calls.add(() -> cache.firstSighting(KEY));
        }
        long firsts = 0;
        for (Future<Boolean> f : pool.invokeAll(calls)) {
            firsts += f.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(firsts).isEqualTo(1);
    }

    @Test
    void anUnreachableRedisForgetsInsteadOfFailingSoTheDatabaseDecides() {
        try (RedisConnection down = RedisConnection.open("redis://127.0.0.1:1", "nowhere:")) {
            RedisDedupeCache cache = new RedisDedupeCache(down, Duration.ofMinutes(5));

            assertThat(cache.seen(KEY)).isFalse();
            assertThat(cache.firstSighting(KEY)).isTrue();
            assertThat(cache.firstSighting(KEY)).isTrue();
        }
    }
}
