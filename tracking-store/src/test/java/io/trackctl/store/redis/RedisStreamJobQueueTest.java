package io.trackctl.store.redis;

import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.JobStatus;
import io.trackctl.core.model.JobTrigger;
import io.trackctl.core.model.NewDelivery;
import io.trackctl.core.model.NewJob;
import io.trackctl.core.model.SignatureVerdict;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.port.WebhookLog;
import io.trackctl.core.retry.TransientFailureException;
import io.trackctl.store.TrackctlStore;
import io.trackctl.store.testing.MutableClock;
import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.RedisTestServer;
import io.trackctl.store.testing.SqliteTestDatabase;
import io.trackctl.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the Redis Streams queue adds to the contract: several instances, dead consumers, lost data. */
class RedisStreamJobQueueTest {

    private static final List<JobKind> ALL = List.of(JobKind.values());
    private static final Duration LONG_LEASE = Duration.ofMinutes(5);

    /** Everything a test opened, closed in reverse order afterwards. */
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    @AfterEach
    void closeAll() throws Exception {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
    }

    private <T extends AutoCloseable> T open(T resource) {
        opened.push(resource);
        return resource;
    }

    private static NewJob aJob(JobKind kind) {
        return new NewJob(kind, JobTrigger.MANUAL, null, null, 3, null);
    }

    @Test
    void twoInstancesOnOneRedisAndOnePostgresDatabaseClaimEveryJobExactlyOnce() throws Exception {
        TestDatabase db = open(PostgresTestDatabase.create());
        RedisTestServer redis = open(RedisTestServer.start());
        TrackctlStore storeA = open(TrackctlStore.open(db.config(), Clock.systemUTC()));
        TrackctlStore storeB = open(TrackctlStore.open(db.config(), Clock.systemUTC()));
        RedisConnection connB = open(RedisConnection.open(redis.url(), redis.prefix()));
        RedisStreamJobQueue a = open(storeA.jobQueueOnRedis(redis.connection()));
        RedisStreamJobQueue b = open(storeB.jobQueueOnRedis(connB));
        int n = 120;
        List<NewJob> half = new ArrayList<>();
        for (int i = 0; i < n / 2; i++) {
            half.add(aJob(i % 2 == 0 ? JobKind.PULL : JobKind.REGISTER));
        }
        List<Long> ids = new ArrayList<>(a.enqueue(half));
        ids.addAll(b.enqueue(half));

        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (RedisStreamJobQueue q : List.of(a, b)) {
                String worker = q == a ? "worker-a" : "worker-b";
                workers.add(CompletableFuture.runAsync(() -> {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (seen.size() < n && System.nanoTime() < deadline) {
                        for (SyncJob job : q.claim(ALL, 4, worker, LONG_LEASE, Duration.ofMillis(200))) {
                            seen.add(job.id());
                            assertThat(q.succeeded(job)).isTrue();
                        }
                    }
                }, pool));
            }
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(seen).hasSize(n);
        assertThat(new HashSet<>(seen)).containsExactlyInAnyOrderElementsOf(ids);
        for (long id : ids) {
            SyncJob job = a.findJob(id).orElseThrow();
            assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(job.attempts()).isEqualTo(1);
        }
        for (JobKind kind : List.of(JobKind.PULL, JobKind.REGISTER)) {
            assertThat(redis.connection().jedis().xlen(a.streamKey(kind))).as("entries left in " + kind).isZero();
        }
    }

    @Test
    void aJobOfAConsumerThatDiedIsTakenOverAfterTheLeaseWithTheAttemptCounted() {
        TestDatabase db = open(PostgresTestDatabase.create());
        RedisTestServer redis = open(RedisTestServer.start());
        TrackctlStore store = open(TrackctlStore.open(db.config(), Clock.systemUTC()));
        Duration lease = Duration.ofMillis(400);
        RedisStreamJobQueue dying = store.jobQueueOnRedis(redis.connection());
        long id = dying.enqueue(List.of(aJob(JobKind.PULL))).getFirst();
        assertThat(dying.claim(ALL, 1, "dying", lease, Duration.ZERO)).extracting(SyncJob::id).containsExactly(id);
        long claimedAt = System.nanoTime();
        dying.close();
        RedisStreamJobQueue survivor = open(store.jobQueueOnRedis(redis.connection()));

        List<SyncJob> taken = pollFor(() -> survivor.claim(ALL, 1, "survivor", lease, Duration.ofMillis(100)));

        assertThat(Duration.ofNanos(System.nanoTime() - claimedAt)).isGreaterThanOrEqualTo(lease);
        assertThat(taken).extracting(SyncJob::id).containsExactly(id);
        assertThat(taken.getFirst().lockedBy()).isEqualTo("survivor");
        assertThat(taken.getFirst().attempts()).isEqualTo(2);
        assertThat(survivor.succeeded(taken.getFirst())).isTrue();
        String stream = survivor.streamKey(JobKind.PULL);
        assertThat(redis.connection().jedis().xpending(stream, RedisStreamJobQueue.GROUP).getTotal()).isZero();
        assertThat(redis.connection().jedis().xlen(stream)).isZero();
    }

    @Test
    void aJobRetriedInTwoHundredMillisWaitsInTheDelayedSetAndIsClaimableOnlyOnceDue() {
        TestDatabase db = open(SqliteTestDatabase.create());
        RedisTestServer redis = open(RedisTestServer.start());
        TrackctlStore store = open(TrackctlStore.open(db.config(), Clock.systemUTC()));
        RedisStreamJobQueue queue = open(store.jobQueueOnRedis(redis.connection()));
        long id = queue.enqueue(List.of(aJob(JobKind.REGISTER))).getFirst();
        SyncJob claimed = queue.claim(ALL, 1, "w", LONG_LEASE, Duration.ZERO).getFirst();
        Instant at = Instant.now().plusMillis(200).truncatedTo(ChronoUnit.MICROS);

        queue.retryAt(claimed, at, "HTTP 429");
        List<SyncJob> early = queue.claim(ALL, 1, "w", LONG_LEASE, Duration.ZERO);
        Instant afterEarlyClaim = Instant.now();

        if (afterEarlyClaim.isBefore(at)) {
            assertThat(early).isEmpty();
        }
        assertThat(redis.connection().jedis().zscore(queue.delayedKey(), "REGISTER:" + id)).isNotNull();
        List<SyncJob> due = pollFor(() -> queue.claim(ALL, 1, "w", LONG_LEASE, Duration.ofMillis(50)));
        assertThat(due).extracting(SyncJob::id).containsExactly(id);
        assertThat(due.getFirst().attempts()).isEqualTo(2);
        assertThat(due.getFirst().lastError()).isEqualTo("HTTP 429");
        assertThat(due.getFirst().lockedUntil().minus(LONG_LEASE)).isAfterOrEqualTo(at);
        assertThat(redis.connection().jedis().zcard(queue.delayedKey())).isZero();
    }

    @Test
    void jobsStillRunAfterRedisLostItsDataBecauseStaleJobsArePublishedAgain() {
        TestDatabase db = open(SqliteTestDatabase.create());
        RedisTestServer redis = open(RedisTestServer.start());
        MutableClock clock = MutableClock.startingNow();
        TrackctlStore store = open(TrackctlStore.open(db.config(), clock));
        RedisStreamJobQueue queue = open(store.jobQueueOnRedis(redis.connection(),
                new RedisStreamJobQueue.Options(Duration.ofSeconds(5), Duration.ofSeconds(10), 100)));
        assertThat(queue.claim(ALL, 10, "w", LONG_LEASE, Duration.ZERO)).isEmpty();
        List<Long> ids = queue.enqueue(List.of(aJob(JobKind.PULL), aJob(JobKind.IMPORT),
                new NewJob(JobKind.PULL, JobTrigger.SCHEDULE, null, null, 3, clock.instant().plusSeconds(5))));

        deleteKeys(redis);

        assertThat(queue.claim(ALL, 10, "w", LONG_LEASE, Duration.ZERO)).as("nothing left in Redis").isEmpty();
        clock.advance(Duration.ofSeconds(16));
        assertThat(queue.claim(ALL, 10, "w", LONG_LEASE, Duration.ZERO)).extracting(SyncJob::id)
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void withRedisUnreachableEnqueueStillStoresTheJobAndClaimFailsAtOnceWithAClearError() throws IOException {
        TestDatabase db = open(SqliteTestDatabase.create());
        MutableClock clock = MutableClock.startingNow();
        TrackctlStore store = open(TrackctlStore.open(db.config(), clock));
        RedisConnection down = open(RedisConnection.open("redis://127.0.0.1:" + closedPort(), "trackctl-test:down:"));
        RedisStreamJobQueue queue = open(store.jobQueueOnRedis(down));

        long id = queue.enqueue(List.of(aJob(JobKind.PULL))).getFirst();

        assertThat(queue.findJob(id)).get().extracting(SyncJob::status).isEqualTo(JobStatus.PENDING);
        long begin = System.nanoTime();
        assertThatThrownBy(() -> queue.claim(ALL, 1, "w", LONG_LEASE, Duration.ofSeconds(10)))
                .isInstanceOf(TransientFailureException.class)
                .hasMessageContaining("Redis is unreachable");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
        queue.close();

        RedisTestServer redis = open(RedisTestServer.start());
        RedisStreamJobQueue back = open(store.jobQueueOnRedis(redis.connection()));
        clock.advance(Duration.ofMinutes(2));
        assertThat(back.claim(ALL, 1, "w", LONG_LEASE, Duration.ZERO)).extracting(SyncJob::id).containsExactly(id);
    }

    @Test
    void aJobFromWebhookIntakeReachesRedisWithoutWaitingForRepublication() {
        TestDatabase db = open(SqliteTestDatabase.create());
        RedisTestServer redis = open(RedisTestServer.start());
        TrackctlStore store = open(TrackctlStore.open(db.config(), Clock.systemUTC()));
        RedisStreamJobQueue queue = open(store.jobQueueOnRedis(redis.connection()));
        queue.claim(ALL, 1, "w", LONG_LEASE, Duration.ZERO);

        WebhookLog.Ingested ingested = store.webhooks().recordVerified(new NewDelivery(Instant.now(), "127.0.0.1",
                SignatureVerdict.VALID, "TRACKING_UPDATED", "RQ000001", 3011, "key-1",
                "{}".getBytes(StandardCharsets.UTF_8), false, null), aJob(JobKind.APPLY_WEBHOOK));

        long jobId = ((WebhookLog.Accepted) ingested).jobId();
        assertThat(redis.connection().jedis().xlen(queue.streamKey(JobKind.APPLY_WEBHOOK))).isEqualTo(1);
        assertThat(queue.claim(ALL, 1, "w", LONG_LEASE, Duration.ZERO)).extracting(SyncJob::id)
                .containsExactly(jobId);
    }

    /** Calls {@code claim} until it returns something, for at most ten seconds. */
    private static List<SyncJob> pollFor(Supplier<List<SyncJob>> claim) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<SyncJob> got = claim.get();
            if (!got.isEmpty()) {
                return got;
            }
        }
        throw new AssertionError("nothing claimed within 10 seconds");
    }

    private static void deleteKeys(RedisTestServer redis) {
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams match = new ScanParams().match(redis.prefix() + "*").count(500);
        do {
            ScanResult<String> page = redis.connection().jedis().scan(cursor, match);
            if (!page.getResult().isEmpty()) {
                redis.connection().jedis().del(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
