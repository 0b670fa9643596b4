package io.trackctl.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoryDedupeCacheTest {

    @Test
    void aKeyIsFirstSeenOnceAndThenKnown() {
        MemoryDedupeCache cache = new MemoryDedupeCache(10);

        assertThat(cache.seen("a")).isFalse();
        assertThat(cache.firstSighting("a")).isTrue();
        assertThat(cache.firstSighting("a")).isFalse();
        assertThat(cache.seen("a")).isTrue();
    }

    @Test
    void theOldestKeysAreForgottenPastCapacityButNothingElse() {
        MemoryDedupeCache cache = new MemoryDedupeCache(3);
        for (String k : new String[] {"a", "b", "c", "d"}) {
            cache.firstSighting(k);
        }

        assertThat(cache.seen("a")).isFalse();
        assertThat(cache.seen("b")).isTrue();
        assertThat(cache.seen("d")).isTrue();
        assertThat(cache.seen("never")).isFalse();
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void concurrentSightingsOfTheSameKeyLetExactlyOneThrough() throws Exception {
        MemoryDedupeCache cache = new MemoryDedupeCache(100_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        ConcurrentHashMap<String, AtomicInteger> firsts = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < 5_000; i++) {
                    String k = "key-" + i;
                    if (cache.firstSighting(k)) {
                        firsts.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(firsts).hasSize(5_000);
        assertThat(firsts.values()).allMatch(n -> n.get() == 1);
    }
}
