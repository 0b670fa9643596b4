package io.trackctl.store;

import io.trackctl.core.port.JobQueue;
import io.trackctl.store.redis.RedisStreamJobQueue;
import io.trackctl.store.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;

/**
 * The {@link JobQueue} contract on the Redis Streams queue: a fresh key prefix and queue per test.
 * The lost-job repair runs after one second of the test clock, so that moving the clock past a
 * lease makes the abandoned job visible again as it does on the database queue.
 */
abstract class RedisJobQueueContract extends JobQueueContract {

    private RedisTestServer redis;
    private RedisStreamJobQueue queue;

    @BeforeEach
    void openRedisQueue() {
        redis = RedisTestServer.start();
        queue = store.jobQueueOnRedis(redis.connection(),
                new RedisStreamJobQueue.Options(Duration.ofSeconds(1), Duration.ofSeconds(1), 500));
    }

    @AfterEach
    void closeRedisQueue() {
        if (queue != null) {
            queue.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    protected JobQueue queue() {
        return queue;
    }
}
