package io.trackctl.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackctl.core.rules.DedupeKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    void theOldestGenerationIsForgottenWholeButNothingElse() {
        MemoryDedupeCache cache = new MemoryDedupeCache(4);
        for (String k : new String[] {"A", "B", "C", "D", "E"}) {
            assertThat(cache.firstSighting(k(k))).isTrue();
        }

        assertThat(cache.seen(k("A"))).isFalse();
        assertThat(cache.seen(k("B"))).isFalse();
        assertThat(cache.seen(k("C"))).isTrue();
        assertThat(cache.seen(k("D"))).isTrue();
        assertThat(cache.seen(k("E"))).isTrue();
        assertThat(cache.seen(k("never"))).isFalse();
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void numbersThatDoNotPackAreRememberedExactlyToo() {
        MemoryDedupeCache cache = new MemoryDedupeCache(100);
        String longest = "Z".repeat(24);
        List<String> numbers = List.of("", "lx123456789cn", "LX-1", "É1", longest, longest + "Z", "A", "A0", "A00",
                "0", "00", "Z".repeat(12), "Z".repeat(13), "0".repeat(12), "0".repeat(13));
        for (String n : numbers) {
            assertThat(cache.firstSighting(k(n))).as(n).isTrue();
        }
        for (String n : numbers) {
            assertThat(cache.seen(k(n))).as(n).isTrue();
            assertThat(cache.firstSighting(k(n))).as(n).isFalse();
        }
        assertThat(cache.seen(k("LX123456789CN"))).isFalse();
        assertThat(cache.seen(k("Z".repeat(23)))).isFalse();
        assertThat(cache.seen(k("Z".repeat(26)))).isFalse();
        assertThat(cache.seen(k("000"))).isFalse();
        assertThat(cache.seen(k("\u00C1"))).as("A with an accent, whose low seven bits are A").isFalse();
        assertThat(cache.seen(k("\u0141"))).as("a character whose low byte is A").isFalse();
    }

    @Test
    void distinctNumbersNeverPackAlike() {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        List<String> numbers = new ArrayList<>();
        for (char a : alphabet.toCharArray()) {
            numbers.add("" + a);
            for (char b : alphabet.toCharArray()) {
                numbers.add("" + a + b);
            }
            for (int length : new int[] {11, 12, 13, 23, 24}) {
                numbers.add(a + "Z".repeat(length - 1));
                numbers.add("0".repeat(length - 1) + a);
            }
        }
        MemoryDedupeCache cache = new MemoryDedupeCache(2 * numbers.size());

        assertThat(numbers).doesNotHaveDuplicates();
        for (String n : numbers) {
            assertThat(cache.firstSighting(k(n))).as(n).isTrue();
        }
        for (String n : numbers) {
            assertThat(cache.seen(k(n))).as(n).isTrue();
        }
    }

    @Test
    void everyPartOfTheKeyCounts() {
        MemoryDedupeCache cache = new MemoryDedupeCache(100);
        DedupeKey key = new DedupeKey(false, "LX123456789CN", 3011, 1_700_000_000_000L, 42, true);
        cache.firstSighting(key);

        assertThat(cache.seen(new DedupeKey(false, "LX123456789CN", 3011, 1_700_000_000_000L, 42, true))).isTrue();
        assertThat(cache.seen(new DedupeKey(true, "LX123456789CN", 3011, 1_700_000_000_000L, 42, true))).isFalse();
        assertThat(cache.seen(new DedupeKey(false, "LX123456789CM", 3011, 1_700_000_000_000L, 42, true))).isFalse();
        assertThat(cache.seen(new DedupeKey(false, "LX123456789CN", 3012, 1_700_000_000_000L, 42, true))).isFalse();
        assertThat(cache.seen(new DedupeKey(false, "LX123456789CN", 3011, 1_700_000_000_001L, 42, true))).isFalse();
        assertThat(cache.seen(new DedupeKey(false, "LX123456789CN", 3011, 1_700_000_000_000L, 43, true))).isFalse();
        assertThat(cache.seen(new DedupeKey(false, "LX123456789CN", 3011, 1_700_000_000_000L, 0, false))).isFalse();
    }

    @Test
    void aCapacityBelowTwoIsRefused() {
        assertThatThrownBy(() -> new MemoryDedupeCache(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentSightingsOfTheSameKeyLetExactlyOneThrough() throws Exception {
        int keys = 5_000;
        MemoryDedupeCache cache = new MemoryDedupeCache(4 * keys);
        ConcurrentHashMap<DedupeKey, AtomicInteger> firsts = new ConcurrentHashMap<>();
        AtomicInteger seenTooEarly = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 200; t++) {
                int offset = t * 37;
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < keys; i++) {
                        int n = (i + offset) % keys;
                        // every other number is lowercase, which takes the object map instead of the table
                        DedupeKey key = k(n % 2 == 0 ? "LX" + n + "CN" : "lx" + n + "cn");
                        if (cache.firstSighting(key)) {
                            firsts.computeIfAbsent(key, x -> new AtomicInteger()).incrementAndGet();
                        } else if (!cache.seen(key)) {
                            seenTooEarly.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        }

        assertThat(firsts).hasSize(keys);
        assertThat(firsts.values()).allMatch(n -> n.get() == 1);
        assertThat(seenTooEarly).hasValue(0);
        assertThat(cache.size()).isEqualTo(keys);
    }

    @Test
    void concurrentSightingsAcrossGenerationSwapsNeverAnswerSeenForAnUnrecordedKey() throws Exception {
        MemoryDedupeCache cache = new MemoryDedupeCache(64);
        AtomicInteger falseSeen = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 100; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 2_000; i++) {
                        cache.firstSighting(k("T" + thread + "N" + i));
                        if (cache.seen(k("NEVER" + thread + "N" + i))) {
                            falseSeen.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        }

        assertThat(falseSeen).hasValue(0);
        assertThat(cache.size()).isBetween(33, 64);
    }
}
