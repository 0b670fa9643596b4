package io.trackctl.store;

import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.TrackingEvent;
import io.trackctl.core.port.EventStore;
import io.trackctl.core.port.TrackingStore.Created;
import io.trackctl.core.rules.EventIdentity;
import io.trackctl.core.snapshot.SnapshotEvent;
import io.trackctl.core.testing.SnapshotBuilder;
import io.trackctl.core.testing.TestData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link EventStore} contract. */
public abstract class EventStoreContract extends StoreContractTest {

    @Test
    void eventsComeNewestFirstInPagesWithTheirLocalOffsetKept() {
        long id = ((Created) store.tracking().createTracking(new NewTrackingNumber(aShop().id(), null, null,
                "EVT0000001", null, null, "api", null, null))).tracking().id();
        SnapshotBuilder b = TestData.aSnapshot().number("EVT0000001");
        Instant base = Instant.parse("2024-03-31T00:30:00Z");
        for (int i = 0; i < 5; i++) {
            b.withEvent(TestData.anEvent().at(base.plusSeconds(3600L * i)).offsetHours(i % 2 == 0 ? 2 : -5)
                    .description("step " + i).location("Hub " + i).provider(i < 3 ? 3011 : 7041));
        }
        store.snapshots().applySnapshot(id, b.build(), Instant.now());

        Page<TrackingEvent> first = store.events().listEvents(id, PageRequest.of(1, 2));
        Page<TrackingEvent> last = store.events().listEvents(id, PageRequest.of(3, 2));

        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).extracting(TrackingEvent::description).containsExactly("step 4", "step 3");
        assertThat(last.items()).extracting(TrackingEvent::description).containsExactly("step 0");
        TrackingEvent e = first.items().getFirst();
        assertThat(e.timeUtc()).isEqualTo(base.plusSeconds(4 * 3600L));
        assertThat(e.localTime()).isEqualTo(OffsetDateTime.ofInstant(e.timeUtc(), ZoneOffset.ofHours(2)));
        assertThat(e.localTime().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(e.providerKey()).isEqualTo(7041);
        assertThat(e.location()).isEqualTo("Hub 4");
        assertThat(e.contentHash()).isEqualTo(EventIdentity.contentHash("step 4", "Hub 4"));
        assertThat(store.events().listEvents(id + 1, PageRequest.FIRST).total()).isZero();
    }

    @Test
    void theSameEventFromTwoProvidersIsKeptTwice() {
        long id = ((Created) store.tracking().createTracking(new NewTrackingNumber(aShop().id(), null, null,
                "EVT0000002", null, null, "api", null, null))).tracking().id();
        SnapshotEvent one = TestData.anEvent().provider(3011).build();
        SnapshotEvent two = TestData.anEvent().provider(7041).build();

        store.snapshots().applySnapshot(id, TestData.aSnapshot().number("EVT0000002").withEvent(one).withEvent(two)
                .build(), Instant.now());

        assertThat(store.events().listEvents(id, PageRequest.FIRST).items()).extracting(TrackingEvent::providerKey)
                .containsExactlyInAnyOrder(3011, 7041);
    }
}
