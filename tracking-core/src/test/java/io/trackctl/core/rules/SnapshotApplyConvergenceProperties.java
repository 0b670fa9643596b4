package io.trackctl.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.WebhookPayload;
import io.trackctl.core.status.SubStatus;
import io.trackctl.core.status.TrackStatus;
import io.trackctl.core.testing.GeneratedPush;
import io.trackctl.core.testing.NumberHistory;
import io.trackctl.core.testing.PushHistories;
import io.trackctl.core.testing.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * DESIGN.md section 4: any permutation of a set of pushes, each delivered one to three times, ends in
 * the same state (status fields and event set) as delivering them once in order, and no event is
 * stored twice.
 */
class SnapshotApplyConvergenceProperties {

    private static final PushHistories.Options MIX = PushHistories.Options.DEFAULT
            .withTieChance(0.35).withStopChance(0.4);

    @Property(tries = 1000)
    void anyOrderOfRepeatedPushesConvergesToTheInOrderState(@ForAll long seed) {
        Random random = new Random(seed);
        List<NumberHistory> histories = PushHistories.histories(random, 1 + random.nextInt(3), MIX).stream()
                .map(h -> withReclassifiedTie(random, h))
                .toList();

        Map<String, InMemoryTracking> inOrder = new HashMap<>();
        for (NumberHistory h : histories) {
            for (GeneratedPush p : h.pushes()) {
                inOrder.computeIfAbsent(h.number(), n -> new InMemoryTracking()).deliver(p.payload());
            }
        }

        List<WebhookPayload> deliveries = new ArrayList<>();
        for (NumberHistory h : histories) {
            for (GeneratedPush p : h.pushes()) {
                int times = 1 + random.nextInt(3);
                for (int i = 0; i < times; i++) {
                    deliveries.add(p.payload());
                }
            }
        }
        Collections.shuffle(deliveries, random);
        Map<String, InMemoryTracking> shuffled = new HashMap<>();
        for (WebhookPayload p : deliveries) {
            shuffled.computeIfAbsent(p.number(), n -> new InMemoryTracking()).deliver(p);
        }

        for (NumberHistory h : histories) {
            InMemoryTracking expected = inOrder.get(h.number());
            InMemoryTracking actual = shuffled.get(h.number());
            String order = deliveries.stream().filter(p -> p.number().equals(h.number()))
                    .map(p -> p.type() + "@" + (p.snapshot() == null ? "-" : SnapshotRank.of(p.snapshot())))
                    .collect(Collectors.joining("\n  ", "\n  ", ""));
            assertThat(actual.state()).as("state after %s", order).isEqualTo(expected.state());
            assertThat(actual.eventKeys()).isEqualTo(expected.eventKeys());
            assertThat(actual.storedEvents()).hasSize(actual.eventKeys().size());
            assertThat(expected.storedEvents()).hasSize(expected.eventKeys().size());

            Snapshot last = h.lastSnapshot();
            assertThat(actual.state().status()).isEqualTo(last.status());
            assertThat(actual.state().providersHash()).isEqualTo(last.providersHash());
            assertThat(actual.state().latestEventAt()).isEqualTo(last.latestEventTime());
            assertThat(actual.state().trackingStopped()).isEqualTo(h.stopped());
            assertThat(actual.eventKeys()).isEqualTo(h.snapshots().stream()
                    .flatMap(s -> s.events().stream()).map(EventIdentity::key).collect(Collectors.toSet()));
        }
    }

    /**
     * Sometimes appends a tie that also changes the status without a new event (17TRACK re-classifies
     * the same event): same newest event time, later sync time, a new providers hash.
     */
    private static NumberHistory withReclassifiedTie(Random random, NumberHistory h) {
        if (random.nextInt(4) != 0) {
            return h;
        }
        Snapshot last = h.lastSnapshot();
        SubStatus[] subs = SubStatus.values();
        SubStatus sub = subs[random.nextInt(subs.length - 1)];
        Snapshot tie = new Snapshot(last.number(), last.carrier(), last.tag(),
                new TrackStatus(sub.main(), sub, sub.main().wire(), sub.wire()), last.latestEvent(),
                last.providers().stream().map(p -> new io.trackctl.core.snapshot.ProviderTrack(p.key(), p.name(),
                        p.country(), p.eventsHash(), p.latestSyncTime().plus(Duration.ofMinutes(5)), p.events()))
                        .toList(),
                last.providersHash() + 1);
        List<GeneratedPush> pushes = new ArrayList<>(h.pushes());
        int at = h.stopped() ? pushes.size() - 1 : pushes.size();
        pushes.add(at, TestData.onTheWire(TestData.anUpdatedPush(tie)));
        return new NumberHistory(h.number(), h.carrier(), h.tag(), pushes);
    }
}
