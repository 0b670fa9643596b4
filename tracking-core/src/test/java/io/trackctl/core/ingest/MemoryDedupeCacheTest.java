package io.trackctl.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.rules.DedupeKey;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoryDedupeCacheTest {

    private static DedupeKey k(String number) {
        return new DedupeKey(false, number, 3011, 1_700_000_000_000L, 42, true);
    }

    @Test
    void aKeyIsFirstSeenOnceAndThenKnown() {
        MemoryDedupeCache cache = new MemoryDedupeCache(10);

        assertThat(cache.seen(k("a"))).isFalse();
        assertThat(cache.firstSighting(k("a"))).isTrue();
        assertThat(cache.firstSighting(k("a"))).isFalse();
        assertThat(cache.seen(k("a"))).isTrue();
    }

    @Test
    void theOldestKeysAreForgottenPastCapacityButNothingElse() {
        MemoryDedupeCache cache = new MemoryDedupeCache(3);
        for (String k : new String[] {"a", "b", "c", "d"}) {
            cache.firstSighting(k(k));
        }

        assertThat(cache.seen(k("a"))).isFalse();
        assertThat(cache.seen(k("b"))).isTrue();
        assertThat(cache.seen(k("d"))).isTrue();
        assertThat(cache.seen(k("never"))).isFalse();
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
                    if (cache.firstSighting(k(k))) {
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
