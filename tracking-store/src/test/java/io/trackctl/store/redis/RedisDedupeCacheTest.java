package io.trackctl.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

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

        assertThat(b.seen("U|LX1|3011|2026-11-23T10:00:00Z|42")).isFalse();
        assertThat(a.firstSighting("U|LX1|3011|2026-11-23T10:00:00Z|42")).isTrue();
        assertThat(b.firstSighting("U|LX1|3011|2026-11-23T10:00:00Z|42")).isFalse();
        assertThat(b.seen("U|LX1|3011|2026-11-23T10:00:00Z|42")).isTrue();
        assertThat(b.seen("U|LX1|3011|2026-11-23T10:00:00Z|43")).isFalse();
    }

    @Test
    void keysExpireAfterTheirTimeToLive() {
        RedisDedupeCache cache = new RedisDedupeCache(redis.connection(), Duration.ofMinutes(5));
        cache.firstSighting("k");

        long ttl = redis.connection().jedis().ttl(redis.connection().key("dedupe:k"));

        assertThat(ttl).isBetween(1L, 300L);
    }

    @Test
    void concurrentSightingsLetExactlyOneThrough() throws Exception {
        RedisDedupeCache cache = new RedisDedupeCache(redis.connection(), Duration.ofMinutes(5));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            calls.add(() -> cache.firstSighting("race"));
        }
        long firsts = 0;
        for (Future<Boolean> f : pool.invokeAll(calls)) {
            firsts += f.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(firsts).isEqualTo(1);
    }
}
