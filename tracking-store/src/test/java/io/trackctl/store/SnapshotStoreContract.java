package io.trackctl.store;

import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.TrackingEvent;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.port.SnapshotStore.Applied;
import io.trackctl.core.port.TrackingStore.Created;
import io.trackctl.core.rules.SnapshotRank;
import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.status.MainStatus;
import io.trackctl.core.status.SubStatus;
import io.trackctl.core.testing.TestData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link io.trackctl.core.port.SnapshotStore} contract. */
public abstract class SnapshotStoreContract extends StoreContractTest {

    private TrackingNumber aNumber(String number) {
        return ((Created) store.tracking().createTracking(new NewTrackingNumber(aShop().id(), null, null, number,
                null, null, "api", null, null))).tracking();
    }

    private static Snapshot inTransit(String number) {
        return TestData.aSnapshot().number(number).providersHash(11L)
                .withEvent(TestData.anEvent().at("2024-11-10T08:00:00Z").description("Accepted").location("Shenzhen")
                        .subStatus(SubStatus.INFO_RECEIVED))
                .withEvent(TestData.anEvent().at("2024-11-11T09:30:00Z").description("Departed").location("Shenzhen")
                        .subStatus(SubStatus.IN_TRANSIT_DEPARTURE))
                .status(MainStatus.IN_TRANSIT, SubStatus.IN_TRANSIT_DEPARTURE)
                .build();
    }

    private static Snapshot delivered(String number) {
        return TestData.aSnapshot().number(number).providersHash(22L)
                .withEvent(TestData.anEvent().at("2024-11-10T08:00:00Z").description("Accepted").location("Shenzhen")
                        .subStatus(SubStatus.INFO_RECEIVED))
                .withEvent(TestData.anEvent().at("2024-11-11T09:30:00Z").description("Departed").location("Shenzhen")
                        .subStatus(SubStatus.IN_TRANSIT_DEPARTURE))
                .withEvent(TestData.anEvent().at("2024-11-14T15:00:00Z").description("Delivered").location("Berlin")
                        .offsetHours(1).subStatus(SubStatus.DELIVERED_OTHER).provider(7041))
                .status(MainStatus.DELIVERED, SubStatus.DELIVERED_OTHER)
                .build();
    }

    @Test
    void applyingStoresTheEventsAndMovesTheStatus() {
        TrackingNumber t = aNumber("LX000000001CN");
        Snapshot s = inTransit(t.number());

        Applied applied = store.snapshots().applySnapshot(t.id(), s, clock.instant());

        assertThat(applied).isEqualTo(new Applied(2, true));
        TrackingNumber after = store.tracking().findTracking(t.id()).orElseThrow();
        assertThat(after.state().status().main()).isEqualTo(MainStatus.IN_TRANSIT);
        assertThat(after.state().status().sub()).isEqualTo(SubStatus.IN_TRANSIT_DEPARTURE);
        assertThat(after.state().status().raw()).isEqualTo(s.status().raw());
        assertThat(after.state().latestEventAt()).isEqualTo(Instant.parse("2024-11-11T09:30:00Z"));
        assertThat(after.state().latestEventText()).isEqualTo("Departed");
        assertThat(after.state().providersHash()).isEqualTo(11L);
        assertThat(after.state().rank()).isEqualTo(SnapshotRank.of(s));
        assertThat(after.lastSyncAt()).isEqualTo(clock.instant());
    }

    @Test
    void applyingTheSameSnapshotAgainAddsNothingAndChangesNothingButTheSyncTime() {
        TrackingNumber t = aNumber("LX000000002CN");
        Snapshot s = inTransit(t.number());
        store.snapshots().applySnapshot(t.id(), s, clock.instant());
        TrackingNumber once = store.tracking().findTracking(t.id()).orElseThrow();
        clock.advance(Duration.ofMinutes(3));

        Applied again = store.snapshots().applySnapshot(t.id(), s, clock.instant());

        TrackingNumber twice = store.tracking().findTracking(t.id()).orElseThrow();
        assertThat(again).isEqualTo(new Applied(0, false));
        assertThat(twice.state()).isEqualTo(once.state());
        assertThat(twice.lastSyncAt()).isEqualTo(clock.instant());
        assertThat(store.events().listEvents(t.id(), PageRequest.FIRST).total()).isEqualTo(2);
    }

    @Test
    void anOlderSnapshotAddsMissingEventsButNeverMovesTheStatusBack() {
        TrackingNumber t = aNumber("LX000000003CN");
        Snapshot older = TestData.aSnapshot().number(t.number()).providersHash(5L)
                .withEvent(TestData.anEvent().at("2024-11-09T08:00:00Z").description("Label created")
                        .subStatus(SubStatus.INFO_RECEIVED))
                .status(MainStatus.INFO_RECEIVED, SubStatus.INFO_RECEIVED).build();
        store.snapshots().applySnapshot(t.id(), delivered(t.number()), clock.instant());

        Applied applied = store.snapshots().applySnapshot(t.id(), older, clock.instant());

        TrackingNumber after = store.tracking().findTracking(t.id()).orElseThrow();
        assertThat(applied).isEqualTo(new Applied(1, false));
        assertThat(after.state().status().main()).isEqualTo(MainStatus.DELIVERED);
        assertThat(after.state().deliveredAt()).isEqualTo(Instant.parse("2024-11-14T15:00:00Z"));
        assertThat(store.events().listEvents(t.id(), PageRequest.FIRST).items())
                .extracting(TrackingEvent::description)
                .containsExactly("Delivered", "Departed", "Accepted", "Label created");
    }

    @Test
    void aNewerSnapshotAfterAnOlderOneMovesTheStatusForward() {
        TrackingNumber t = aNumber("LX000000004CN");
        store.snapshots().applySnapshot(t.id(), inTransit(t.number()), clock.instant());

        Applied applied = store.snapshots().applySnapshot(t.id(), delivered(t.number()), clock.instant());

        assertThat(applied).isEqualTo(new Applied(1, true));
        assertThat(store.tracking().findTracking(t.id()).orElseThrow().state().status().main())
                .isEqualTo(MainStatus.DELIVERED);
    }

    @Test
    void aStopIsStickyAcrossLaterSnapshots() {
        TrackingNumber t = aNumber("LX000000005CN");
        store.snapshots().markStopped(t.id(), clock.instant());

        store.snapshots().applySnapshot(t.id(), delivered(t.number()), clock.instant());

        TrackingNumber after = store.tracking().findTracking(t.id()).orElseThrow();
        assertThat(after.state().trackingStopped()).isTrue();
        assertThat(after.state().status().main()).isEqualTo(MainStatus.DELIVERED);
    }

    @Test
    void concurrentAppliesOfOldAndNewSnapshotsConvergeOnTheNewest() throws Exception {
        TrackingNumber t = aNumber("LX000000007CN");
        Snapshot older = inTransit(t.number());
        Snapshot newer = delivered(t.number());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Applied>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Snapshot s = i % 2 == 0 ? older : newer;
                results.add(pool.submit(() -> store.snapshots().applySnapshot(t.id(), s, Instant.now())));
            }
            for (Future<Applied> f : results) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        TrackingNumber after = store.tracking().findTracking(t.id()).orElseThrow();
        assertThat(after.state().rank()).isEqualTo(SnapshotRank.of(newer));
        assertThat(after.state().status().main()).isEqualTo(MainStatus.DELIVERED);
        assertThat(store.events().listEvents(t.id(), PageRequest.FIRST).total()).isEqualTo(3);
    }

    @Test
    void applyingToAnUnknownNumberChangesNothing() {
        assertThat(store.snapshots().applySnapshot(987_654L, inTransit("LX000000006CN"), clock.instant()))
                .isEqualTo(new Applied(0, false));
    }
}
