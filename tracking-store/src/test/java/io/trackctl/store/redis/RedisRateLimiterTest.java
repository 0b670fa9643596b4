package io.trackctl.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackctl.core.retry.RetryPolicy;
import io.trackctl.core.retry.TransientFailureException;

import io.trackctl.store.testing.RedisTestServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedisRateLimiterTest {

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
    void twoLimitersOnOneKeyShareOneBudget() throws Exception {
        RedisRateLimiter a = new RedisRateLimiter(redis.connection(), "same-api-key", 3);
        RedisRateLimiter b = new RedisRateLimiter(redis.connection(), "same-api-key", 3);
        List<Long> grants = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 12; i++) {
            RedisRateLimiter l = i % 2 == 0 ? a : b;
            pool.submit(() -> {
                l.acquire();
                grants.add(System.nanoTime());
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<Long> sorted = new ArrayList<>(grants);
        Collections.sort(sorted);
        assertThat(sorted).hasSize(12);
        // In any window of 4 consecutive grants, the first and last are a second and the guard apart.
        for (int i = 3; i < sorted.size(); i++) {
            assertThat(sorted.get(i) - sorted.get(i - 3)).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1050));
        }
    }

    @Test
    void anUnreachableRedisGrantsNoPermitAndTheFailureIsRetryable() {
        try (RedisConnection down = RedisConnection.open("redis://127.0.0.1:1", "nowhere:")) {
            RedisRateLimiter limiter = new RedisRateLimiter(down, "some-key", 3);

            assertThatThrownBy(limiter::acquire)
                    .isInstanceOf(TransientFailureException.class)
                    .hasMessageContaining("Redis is unreachable")
                    .satisfies(e -> assertThat(RetryPolicy.isRetryable(e)).isTrue());
        }
    }

    @Test
    void theApiKeyIsNeverWrittenToRedisInClear() throws Exception {
        new RedisRateLimiter(redis.connection(), "SECRET-KEY-123", 3).acquire();

        assertThat(redis.connection().jedis().keys(redis.prefix() + "*"))
                .isNotEmpty()
                .noneMatch(k -> k.contains("SECRET-KEY-123"));
    }
}
