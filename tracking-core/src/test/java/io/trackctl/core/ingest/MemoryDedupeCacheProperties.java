package io.trackctl.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.rules.DedupeKey;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The cache answers like two exact sets of keys swapped every {@code capacity / 2} first sightings,
 * never says "seen" for a key it was not given, and still knows the last {@code capacity / 2}
 * distinct keys it was given.
 */
class MemoryDedupeCacheProperties {

    private static final String PACKABLE = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Property(tries = 1000)
    void answersLikeTwoBoundedGenerationsOfExactKeys(@ForAll @Size(min = 1, max = 16) List<@From("keys") DedupeKey> pool,
                                                     @ForAll @Size(max = 400) List<@IntRange(max = 9_999) Integer> ops,
                                                     @ForAll @IntRange(min = 2, max = 12) int capacity) {
        MemoryDedupeCache cache = new MemoryDedupeCache(capacity);
        Reference reference = new Reference(capacity / 2);
        Set<DedupeKey> everRecorded = new HashSet<>();
        Deque<DedupeKey> recent = new ArrayDeque<>();

        for (int op : ops) {
            DedupeKey key = pool.get((op / 2) % pool.size());
            if (op % 2 == 0) {
                boolean first = cache.firstSighting(key);
                assertThat(first).as("firstSighting %s", key).isEqualTo(reference.firstSighting(key));
                if (first) {
                    everRecorded.add(key);
                    recent.addLast(key);
                    if (recent.size() > capacity / 2) {
                        recent.removeFirst();
                    }
                }
            } else {
                boolean seen = cache.seen(key);
                assertThat(seen).as("seen %s", key).isEqualTo(reference.seen(key));
                if (seen) {
                    assertThat(everRecorded).contains(key);
                }
                if (recent.contains(key)) {
                    assertThat(seen).as("recent %s", key).isTrue();
                }
            }
            assertThat(cache.size()).isEqualTo(reference.size()).isLessThanOrEqualTo(capacity);
        }
    }

    @Property(tries = 2000)
    void keysThatDifferInAnyPartAreNeverConfused(@ForAll("keys") DedupeKey recorded, @ForAll("keys") DedupeKey asked) {
        MemoryDedupeCache cache = new MemoryDedupeCache(8);
        cache.firstSighting(recorded);

        assertThat(cache.seen(asked)).isEqualTo(recorded.equals(asked));
        assertThat(cache.seen(recorded)).isTrue();
    }

    @Provide
    Arbitrary<DedupeKey> keys() {
        Arbitrary<String> numbers = Arbitraries.oneOf(
                Arbitraries.strings().withChars(PACKABLE).ofMaxLength(26),
                Arbitraries.strings().withChars("0AZ9").ofMaxLength(26),
                Arbitraries.strings().withChars("0AZaz-é\u00C1\u0141 ").ofMaxLength(26),
                Arbitraries.of("A", "A0", "A00", "0", "00", "Z".repeat(12), "Z".repeat(13), "0".repeat(12),
                        "0".repeat(13), "Z".repeat(24), "Z".repeat(25), "0".repeat(24), "0".repeat(25)));
        Arbitrary<Integer> carriers = Arbitraries.of(0, 1, -1, 3011, 21051, Integer.MAX_VALUE, Integer.MIN_VALUE);
        Arbitrary<Long> millis = Arbitraries.of(DedupeKey.NONE, 0L, -1L, 1L, 1_700_000_000_000L, Long.MAX_VALUE);
        Arbitrary<Long> hashes = Arbitraries.of(0L, 1L, -1L, 42L, Long.MIN_VALUE, Long.MAX_VALUE);
        Arbitrary<Boolean> flags = Arbitraries.of(true, false);
        return Combinators.combine(flags, numbers, carriers, millis, hashes, flags)
                .as(DedupeKey::new);
    }

    /** The documented bound, stated plainly: a current and a previous set, swapped when the current is full. */
    private static final class Reference {

        private final int generationSize;
        private Set<DedupeKey> current = new HashSet<>();
        private Set<DedupeKey> previous = new HashSet<>();

        Reference(int generationSize) {
            this.generationSize = generationSize;
        }

        boolean firstSighting(DedupeKey key) {
            if (seen(key)) {
                return false;
            }
            if (current.size() == generationSize) {
                previous = current;
                current = new HashSet<>();
            }
            current.add(key);
            return true;
        }

        boolean seen(DedupeKey key) {
            return current.contains(key) || previous.contains(key);
        }

        int size() {
            return current.size() + previous.size();
        }
    }
}
