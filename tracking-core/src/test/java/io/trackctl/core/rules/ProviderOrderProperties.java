package io.trackctl.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.snapshot.ProviderTrack;
import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.SnapshotEvent;
import io.trackctl.core.status.Stage;
import io.trackctl.core.status.SubStatus;
import io.trackctl.core.testing.TestData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * 17TRACK does not document the order of providers or events, so the same snapshot listed in another
 * order must apply to the same state, including when two events share the newest instant.
 */
class ProviderOrderProperties {

    private static final Instant BASE = Instant.parse("2024-11-10T08:00:00Z");
    private static final String[] TEXTS = {"Arrived", "Departed", "Delivered", "Customs", "Sorted"};
    private static final SubStatus[] SUBS = {SubStatus.IN_TRANSIT_ARRIVAL, SubStatus.IN_TRANSIT_DEPARTURE,
        SubStatus.DELIVERED_OTHER, SubStatus.IN_TRANSIT_CUSTOMS_PROCESSING, SubStatus.IN_TRANSIT_OTHER};

    @Property(tries = 1000)
    void theOrderOfProvidersAndEventsDoesNotChangeTheAppliedState(@ForAll long seed) {
        Random random = new Random(seed);
        List<ProviderTrack> providers = new ArrayList<>();
        int[] keys = {3011, 7041, 21051};
        int count = 1 + random.nextInt(3);
        for (int p = 0; p < count; p++) {
            List<SnapshotEvent> events = new ArrayList<>();
            int n = 1 + random.nextInt(4);
            for (int i = 0; i < n; i++) {
                int k = random.nextInt(TEXTS.length);
                events.add(TestData.anEvent().provider(keys[p])
                        .at(BASE.plusSeconds(3600L * random.nextInt(3)))
                        .description(TEXTS[k]).location(random.nextBoolean() ? "A" : "B")
                        .subStatus(SUBS[k]).stage(SUBS[k] == SubStatus.DELIVERED_OTHER ? Stage.DELIVERED : null)
                        .build());
            }
            providers.add(new ProviderTrack(keys[p], "P" + p, null, (long) random.nextInt(),
                    BASE.plusSeconds(random.nextInt(10_000)), events));
        }
        boolean withLatestEvent = random.nextInt(3) == 0;
        Snapshot original = snapshot(providers, withLatestEvent);
        List<ProviderTrack> shuffled = new ArrayList<>();
        for (ProviderTrack p : providers) {
            List<SnapshotEvent> ev = new ArrayList<>(p.events());
            Collections.shuffle(ev, random);
            shuffled.add(new ProviderTrack(p.key(), p.name(), p.country(), p.eventsHash(), p.latestSyncTime(), ev));
        }
        Collections.shuffle(shuffled, random);
        Snapshot reordered = snapshot(shuffled, withLatestEvent);

        SnapshotApply.Result a = SnapshotApply.apply(TrackingState.EMPTY, Set.of(), original);
        SnapshotApply.Result b = SnapshotApply.apply(TrackingState.EMPTY, Set.of(), reordered);
        assertThat(b.state()).isEqualTo(a.state());
        assertThat(keys(b.newEvents())).isEqualTo(keys(a.newEvents()));
        assertThat(b.newEvents()).hasSameSizeAs(a.newEvents());
        assertThat(reordered.deliveredAt()).isEqualTo(original.deliveredAt());
        assertThat(reordered.events()).isEqualTo(original.events());
    }

    private static Snapshot snapshot(List<ProviderTrack> providers, boolean withLatestEvent) {
        Snapshot s = new Snapshot("LX123456789CN", 3011, null, null, null, providers, 99L);
        SubStatus sub = SubStatus.IN_TRANSIT_OTHER;
        return new Snapshot(s.number(), s.carrier(), s.tag(),
                new io.trackctl.core.status.TrackStatus(sub.main(), sub, sub.main().wire(), sub.wire()),
                withLatestEvent ? TestData.anEvent().at(BASE.plusSeconds(7200)).description("Latest").build() : null,
                providers, s.providersHash());
    }

    private static Set<String> keys(List<SnapshotEvent> events) {
        return events.stream().map(EventIdentity::key).collect(Collectors.toSet());
    }
}
