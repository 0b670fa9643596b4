package io.trackctl.benchmarks;

import io.trackctl.core.ingest.MemoryDedupeCache;
import io.trackctl.core.rules.DedupeKey;
import io.trackctl.core.snapshot.WebhookHead;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory dedupe check (key computation from a push's head, as webhook intake reads it, then
 * the bounded cache) against a bare {@code ConcurrentHashMap.putIfAbsent} of the same keys, in the
 * same run. Pushes come in pairs, a push and its re-push with the same content, as 17TRACK's
 * retries and re-pushes send them; after the first pass over the inputs every check finds its key
 * already there.
 *
 * <p>Two sizes of input. With 4,096 pushes the heads stay in the processor's caches, as a push's
 * does in the server, where its key is computed microseconds after it was read; the map (2,048
 * keys) stays in cache too, which in the server, holding up to 200,000 keys, it need not. With
 * 65,536 the walk over the heads streams from memory on every pass and evicts the map. Neither size
 * is the server's exact case; both are reported.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class DedupeBenchmark {

    /** How many pushes the benchmark cycles through; a power of two. */
    @Param({"4096", "65536"})
    public int pushCount;

    private WebhookHead[] pushes;
    private String[] keys;
    private MemoryDedupeCache cache;
    private ConcurrentHashMap<String, Boolean> bare;
    private int mask;
    private int i;

    @Setup(Level.Iteration)
    public void setUp() {
        if (Integer.bitCount(pushCount) != 1) {
            throw new IllegalArgumentException("pushCount must be a power of two, not " + pushCount);
        }
        pushes = Pushes.heads(pushCount);
        keys = new String[pushes.length];
        for (int k = 0; k < pushes.length; k++) {
            keys[k] = DedupeKey.of(pushes[k]).text();
        }
        cache = new MemoryDedupeCache(pushCount);
        bare = new ConcurrentHashMap<>();
        mask = pushCount - 1;
        i = 0;
    }

    /**
     * Key computation from a push's head plus one check of the in-memory layer. Intake does a
     * little more per push: it also writes the key's text for the log row, and asks the layer
     * twice (whether it has seen the key, then, once the delivery is stored, to remember it).
     */
    @Benchmark
    public boolean dedupeCheck() {
        WebhookHead p = pushes[i++ & mask];
        return cache.firstSighting(DedupeKey.of(p));
    }

    /** The limit: a bare putIfAbsent of precomputed keys. */
    @Benchmark
    public boolean barePutIfAbsent() {
        return bare.putIfAbsent(keys[i++ & mask], Boolean.TRUE) == null;
    }
}
