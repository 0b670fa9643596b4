package io.trackctl.benchmarks;

import io.trackctl.core.rules.DedupeKey;
import io.trackctl.core.snapshot.WebhookPayload;
import io.trackctl.store.redis.RedisConnection;
import io.trackctl.store.redis.RedisDedupeCache;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The shared dedupe layer on the local Redis ({@code TRACKCTL_BENCH_REDIS}, default
 * {@code redis://127.0.0.1:6379}) under a key prefix of its own, deleted afterwards. Half the
 * pushes repeat an earlier one; {@code ping} is the round-trip limit measured in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RedisDedupeBenchmark {

    private static final int DISTINCT = 1 << 16;
    private RedisConnection redis;
    private RedisDedupeCache cache;
    private DedupeKey[] keys;
    private int i;

    @Setup(Level.Trial)
    public void setUp() {
        String url = System.getenv().getOrDefault("TRACKCTL_BENCH_REDIS", "redis://127.0.0.1:6379");
        redis = RedisConnection.open(url, "trackctl-bench-" + UUID.randomUUID() + ":");
        cache = new RedisDedupeCache(redis, Duration.ofMinutes(10));
        WebhookPayload[] pushes = Pushes.payloads(DISTINCT);
        keys = new DedupeKey[DISTINCT];
        for (int k = 0; k < DISTINCT; k++) {
            keys[k] = DedupeKey.of(pushes[k]);
        }
    }

    @TearDown(Level.Trial)
    public void cleanUp() {
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams match = new ScanParams().match(redis.prefix() + "*").count(1000);
        do {
            ScanResult<String> page = redis.jedis().scan(cursor, match);
            if (!page.getResult().isEmpty()) {
                redis.jedis().del(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        redis.close();
    }

    /** What the webhook path does per push when Redis is configured: SET NX EX. */
    @Benchmark
    public boolean firstSighting() {
        return cache.firstSighting(keys[i++ & (DISTINCT - 1)]);
    }

    /** The check before the database: EXISTS. */
    @Benchmark
    public boolean seen() {
        return cache.seen(keys[i++ & (DISTINCT - 1)]);
    }

    /** The limit: one PING round trip on the same connection pool. */
    @Benchmark
    public long ping() {
        return redis.pingMicros();
    }
}
