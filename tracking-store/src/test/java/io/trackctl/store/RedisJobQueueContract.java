package io.trackctl.store;

import io.trackctl.core.model.SyncJob;
import io.trackctl.core.port.JobQueue;
import io.trackctl.store.redis.RedisStreamJobQueue;
import io.trackctl.store.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

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

    /**
     * Each kind is its own stream, read in turn: this queue promises every due job of the asked
     * kinds exactly once, not the database queue's oldest-first order across kinds.
     */
    @Override
    @Test
    void aClaimOverSeveralKindsTakesTheOldestDueJobsWhateverTheirKind() {
        List<Long> due = enqueueMixedKindsOldestFirst();

        List<SyncJob> first = claimMixedKinds(4);
        List<SyncJob> rest = claimMixedKinds(10);

        assertThat(first).hasSize(4);
        assertThat(Stream.concat(first.stream(), rest.stream()).map(SyncJob::id))
                .containsExactlyInAnyOrderElementsOf(due);
    }
}
