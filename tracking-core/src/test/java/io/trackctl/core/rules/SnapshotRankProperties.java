package io.trackctl.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The rank's text order is the order of the tuple (latest event time, latest sync time, providers
 * hash), missing parts first, so storage may compare ranks as plain strings.
 */
class SnapshotRankProperties {

    private static final Comparator<Instant> INSTANTS = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Long> HASHES = Comparator.nullsFirst(Comparator.naturalOrder());

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void textOrderIsTupleOrder(@ForAll("instants") Instant e1, @ForAll("instants") Instant s1, @ForAll("hashes") Long h1,
                               @ForAll("instants") Instant e2, @ForAll("instants") Instant s2,
                               @ForAll("hashes") Long h2) {
        int tuple = compare(e1, s1, h1, e2, s2, h2);
        int text = SnapshotRank.of(e1, s1, h1).compareTo(SnapshotRank.of(e2, s2, h2));
        assertThat(Integer.signum(text)).isEqualTo(Integer.signum(tuple));
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void ranksThatShareEventAndSyncTimesAreOrderedByHash(@ForAll("instants") Instant e, @ForAll("instants") Instant s,
                                                         @ForAll("hashes") Long h1, @ForAll("hashes") Long h2) {
        int text = SnapshotRank.of(e, s, h1).compareTo(SnapshotRank.of(e, s, h2));
        assertThat(Integer.signum(text)).isEqualTo(Integer.signum(HASHES.compare(h1, h2)));
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void aRankIsAlwaysAtLeastAsNewAsItselfAndAnythingIsNewerThanNothing(@ForAll("instants") Instant e,
                                                                        @ForAll("instants") Instant s,
                                                                        @ForAll("hashes") Long h) {
        String rank = SnapshotRank.of(e, s, h);
        assertThat(SnapshotRank.atLeastAsNew(rank, rank)).isTrue();
        assertThat(SnapshotRank.atLeastAsNew(rank, null)).isTrue();
        assertThat(SnapshotRank.atLeastAsNew(rank, SnapshotRank.of(null, null, null))).isTrue();
    }

    @Example
    void extremeValuesKeepTheOrder() {
        Instant[] times = {null, Instant.EPOCH, Instant.EPOCH.plusMillis(1), Instant.parse("2024-11-10T08:00:00Z"),
            Instant.parse("9999-12-31T23:59:59.999Z"), Instant.parse("+33658-09-27T01:46:39.997Z"),
            Instant.parse("+33658-09-27T01:46:39.998Z")};
        Long[] hashes = {null, Long.MIN_VALUE, (long) Integer.MIN_VALUE, -1L, 0L, 1L, (long) Integer.MAX_VALUE,
            Long.MAX_VALUE};
        for (Instant a : times) {
            for (Instant b : times) {
                for (Long h : hashes) {
                    for (Long g : hashes) {
                        int text = SnapshotRank.of(a, b, h).compareTo(SnapshotRank.of(b, a, g));
                        assertThat(Integer.signum(text)).as("%s %s %s %s", a, b, h, g)
                                .isEqualTo(Integer.signum(compare(a, b, h, b, a, g)));
                    }
                }
            }
        }
    }

    @Example
    void timesOutsideTheEncodableSpanAreClampedToItsEndsInsteadOfFailing() {
        Instant last = Instant.parse("+33658-09-27T01:46:39.998Z");
        assertThat(SnapshotRank.of(Instant.MAX, null, null)).isEqualTo(SnapshotRank.of(last, null, null));
        assertThat(SnapshotRank.of(Instant.parse("+33658-09-27T01:46:39.999Z"), null, null))
                .isEqualTo(SnapshotRank.of(last, null, null));
        assertThat(SnapshotRank.of(Instant.MIN, null, null)).isEqualTo(SnapshotRank.of(Instant.EPOCH, null, null));
        assertThat(SnapshotRank.of(Instant.parse("1969-07-20T20:17:00Z"), Instant.MAX, Long.MIN_VALUE))
                .isGreaterThan(SnapshotRank.of(null, Instant.MAX, Long.MAX_VALUE))
                .hasSameSizeAs(SnapshotRank.of(Instant.EPOCH, Instant.EPOCH, 0L));
    }

    @Example
    void theSameInputsGiveTheSameText() {
        Instant t = Instant.parse("2024-11-10T08:00:00Z");
        assertThat(SnapshotRank.of(t, t, -3L)).isEqualTo(SnapshotRank.of(t, t, -3L));
        assertThat(SnapshotRank.of(t, t, -3L)).isNotEqualTo(SnapshotRank.of(t, t, 3L));
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Instant> any = Arbitraries.longs().between(0, 999_999_999_999_998L).map(Instant::ofEpochMilli);
        Arbitrary<Instant> recent = Arbitraries.longs()
                .between(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(),
                        Instant.parse("2024-01-03T00:00:00Z").toEpochMilli())
                .map(ms -> Instant.ofEpochMilli(ms / 60_000 * 60_000));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(null)),
                net.jqwik.api.Tuple.of(3, any),
                net.jqwik.api.Tuple.of(6, recent));
    }

    @Provide
    Arbitrary<Long> hashes() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(null)),
                net.jqwik.api.Tuple.of(4, Arbitraries.longs()),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().map(Integer::longValue)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, -1L, 0L, 1L, Long.MAX_VALUE)));
    }

    private static int compare(Instant e1, Instant s1, Long h1, Instant e2, Instant s2, Long h2) {
        int c = INSTANTS.compare(e1, e2);
        if (c != 0) {
            return c;
        }
        c = INSTANTS.compare(s1, s2);
        if (c != 0) {
            return c;
        }
        return Objects.compare(h1, h2, HASHES);
    }
}
