package io.trackctl.benchmarks;

import io.trackctl.core.ingest.MemoryDedupeCache;
import io.trackctl.core.rules.DedupeKey;
import io.trackctl.core.snapshot.WebhookPayload;
import java.util.concurrent.ConcurrentHashMap;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory dedupe check (key computation from a parsed push, then the bounded cache) against a
 * bare {@code ConcurrentHashMap.putIfAbsent} of the same keys, in the same run. Half of the pushes
 * repeat an earlier one, as 17TRACK's retries and re-pushes do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class DedupeBenchmark {

    private static final int DISTINCT = 1 << 16;
    private WebhookPayload[] pushes;
    private String[] keys;
    private MemoryDedupeCache cache;
    private ConcurrentHashMap<String, Boolean> bare;
    private int i;

    @Setup(Level.Iteration)
    public void setUp() {
        pushes = Pushes.payloads(DISTINCT);
        keys = new String[pushes.length];
        for (int k = 0; k < pushes.length; k++) {
            keys[k] = DedupeKey.of(pushes[k]).text();
        }
        cache = new MemoryDedupeCache(DISTINCT);
        bare = new ConcurrentHashMap<>();
        i = 0;
    }

    /** Key computation plus the in-memory layer, as the webhook path does it. */
    @Benchmark
    public boolean dedupeCheck() {
        WebhookPayload p = pushes[i++ & (DISTINCT - 1)];
        return cache.firstSighting(DedupeKey.of(p));
    }

    /** The limit: a bare putIfAbsent of precomputed keys. */
    @Benchmark
    public boolean barePutIfAbsent() {
        return bare.putIfAbsent(keys[i++ & (DISTINCT - 1)], Boolean.TRUE) == null;
    }
}
