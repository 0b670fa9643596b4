package io.trackctl.core.rules;

import static io.trackctl.core.testing.TestData.aSnapshot;
import static io.trackctl.core.testing.TestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.SnapshotEvent;
import io.trackctl.core.status.MainStatus;
import io.trackctl.core.status.Stage;
import io.trackctl.core.status.SubStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SnapshotApplyTest {

    private static final Instant T1 = Instant.parse("2024-11-10T08:00:00Z");
    private static final Instant T2 = Instant.parse("2024-11-11T08:00:00Z");
    private static final Instant T3 = Instant.parse("2024-11-12T08:00:00Z");

    private static final SnapshotEvent PICKED_UP = anEvent().at(T1).description("Picked up")
            .stage(Stage.PICKED_UP).subStatus(SubStatus.IN_TRANSIT_PICKED_UP).build();
    private static final SnapshotEvent ARRIVED = anEvent().at(T2).description("Arrived").offsetHours(1)
            .stage(Stage.ARRIVAL).subStatus(SubStatus.IN_TRANSIT_ARRIVAL).build();
    private static final SnapshotEvent DELIVERED = anEvent().at(T3).description("Delivered").offsetHours(1)
            .stage(Stage.DELIVERED).subStatus(SubStatus.DELIVERED_OTHER).build();

    private static final Snapshot FIRST = aSnapshot().withEvent(PICKED_UP).providersHash(1L)
            .latestSyncTime(T1.plusSeconds(60)).build();
    private static final Snapshot SECOND = aSnapshot().withEvent(PICKED_UP).withEvent(ARRIVED).providersHash(2L)
            .latestSyncTime(T2.plusSeconds(60)).build();
    private static final Snapshot THIRD = aSnapshot().withEvent(PICKED_UP).withEvent(ARRIVED).withEvent(DELIVERED)
            .providersHash(-3L).latestSyncTime(T3.plusSeconds(60)).build();

    private TrackingState state = TrackingState.EMPTY;
    private final Set<String> keys = new HashSet<>();

    private SnapshotApply.Result apply(Snapshot s) {
        SnapshotApply.Result r = SnapshotApply.apply(state, keys, s);
        r.newEvents().forEach(e -> assertThat(keys.add(EventIdentity.key(e))).as("stored twice: %s", e).isTrue());
        state = r.state();
        return r;
    }

    @Test
    void theFirstSnapshotSetsTheStatusAndAddsAllItsEvents() {
        SnapshotApply.Result r = apply(SECOND);
        assertThat(r.moved()).isTrue();
        assertThat(r.newEvents()).containsExactlyInAnyOrder(PICKED_UP, ARRIVED);
        assertThat(state.status().sub()).isEqualTo(SubStatus.IN_TRANSIT_ARRIVAL);
        assertThat(state.latestEventAt()).isEqualTo(T2);
        assertThat(state.latestEventText()).isEqualTo("Arrived");
        assertThat(state.latestEventLocation()).isEqualTo(ARRIVED.location());
        assertThat(state.providersHash()).isEqualTo(2L);
        assertThat(state.rank()).isEqualTo(SnapshotRank.of(SECOND));
        assertThat(state.deliveredAt()).isNull();
        assertThat(state.trackingStopped()).isFalse();
    }

    @Test
    void theSameSnapshotAgainAddsNothingAndDoesNotMove() {
        apply(SECOND);
        TrackingState before = state;
        SnapshotApply.Result r = apply(SECOND);
        assertThat(r.newEvents()).isEmpty();
        assertThat(r.moved()).isFalse();
        assertThat(state).isEqualTo(before);
    }

    @Test
    void anOlderSnapshotAddsItsMissingEventsButNeverMovesTheStatusBack() {
        apply(THIRD);
        TrackingState delivered = state;
        Snapshot olderWithExtra = aSnapshot().withEvent(PICKED_UP)
                .withEvent(anEvent().at(T1.plusSeconds(600)).description("Sorted"))
                .providersHash(9L).latestSyncTime(T3.plusSeconds(3600)).build();
        SnapshotApply.Result r = apply(olderWithExtra);
        assertThat(r.moved()).isFalse();
        assertThat(r.newEvents()).extracting(SnapshotEvent::description).containsExactly("Sorted");
        assertThat(state).isEqualTo(delivered);
        assertThat(state.status().main()).isEqualTo(MainStatus.DELIVERED);
        assertThat(state.deliveredAt()).isEqualTo(T3);
    }

    @Test
    void aNewerSnapshotMovesTheStatusForward() {
        apply(FIRST);
        SnapshotApply.Result r = apply(THIRD);
        assertThat(r.moved()).isTrue();
        assertThat(r.newEvents()).containsExactlyInAnyOrder(ARRIVED, DELIVERED);
        assertThat(state.status().main()).isEqualTo(MainStatus.DELIVERED);
        assertThat(state.deliveredAt()).isEqualTo(T3);
    }

    @Test
    void withTheSameNewestEventTheLaterSyncTimeWins() {
        Snapshot early = aSnapshot().withEvent(ARRIVED).status(SubStatus.IN_TRANSIT_ARRIVAL).providersHash(50L)
                .latestSyncTime(T2.plusSeconds(60)).build();
        Snapshot late = aSnapshot().withEvent(ARRIVED).status(SubStatus.IN_TRANSIT_CUSTOMS_PROCESSING)
                .providersHash(7L).latestSyncTime(T2.plusSeconds(120)).build();
        apply(late);
        assertThat(apply(early).moved()).isFalse();
        assertThat(state.status().sub()).isEqualTo(SubStatus.IN_TRANSIT_CUSTOMS_PROCESSING);
        state = TrackingState.EMPTY;
        apply(early);
        assertThat(apply(late).moved()).isTrue();
        assertThat(state.status().sub()).isEqualTo(SubStatus.IN_TRANSIT_CUSTOMS_PROCESSING);
    }

    @Test
    void withTheSameNewestEventAndSyncTimeTheProvidersHashDecidesInEitherOrder() {
        Snapshot negative = aSnapshot().withEvent(ARRIVED).status(SubStatus.IN_TRANSIT_ARRIVAL).providersHash(-10L)
                .latestSyncTime(T2).build();
        Snapshot positive = aSnapshot().withEvent(ARRIVED).status(SubStatus.IN_TRANSIT_OTHER).providersHash(10L)
                .latestSyncTime(T2).build();
        apply(negative);
        apply(positive);
        TrackingState oneWay = state;
        state = TrackingState.EMPTY;
        apply(positive);
        apply(negative);
        assertThat(state).isEqualTo(oneWay);
        assertThat(state.providersHash()).isEqualTo(10L);
    }

    @Test
    void aStopIsStickyAndLeavesTheStatusAlone() {
        apply(SECOND);
        TrackingState beforeStop = state;
        state = SnapshotApply.stop(state);
        assertThat(state.trackingStopped()).isTrue();
        assertThat(state.status()).isEqualTo(beforeStop.status());
        assertThat(state.rank()).isEqualTo(beforeStop.rank());
        apply(THIRD);
        assertThat(state.trackingStopped()).isTrue();
        assertThat(state.status().main()).isEqualTo(MainStatus.DELIVERED);
        assertThat(SnapshotApply.stop(SnapshotApply.stop(TrackingState.EMPTY)))
                .isEqualTo(SnapshotApply.stop(TrackingState.EMPTY));
    }

    @Test
    void anEventListedTwiceInOneSnapshotIsAddedOnce() {
        SnapshotEvent copy = anEvent().at(T1).description("Picked up").stage(Stage.PICKED_UP)
                .subStatus(SubStatus.IN_TRANSIT_PICKED_UP).build();
        Snapshot s = aSnapshot().withEvent(PICKED_UP).withEvent(copy).build();
        assertThat(SnapshotApply.apply(TrackingState.EMPTY, Set.of(), s).newEvents()).hasSize(1);
    }

    @Test
    void theSameInstantAtAnotherOffsetIsTheSameEvent() {
        SnapshotEvent local = anEvent().at(T1).offsetHours(-5).description("Picked up").stage(Stage.PICKED_UP)
                .subStatus(SubStatus.IN_TRANSIT_PICKED_UP).build();
        apply(FIRST);
        assertThat(apply(aSnapshot().withEvent(local).providersHash(1L).latestSyncTime(T1).build()).newEvents())
                .isEmpty();
    }

    @Test
    void theSameTextAtTheSameTimeFromTwoProvidersIsTwoEvents() {
        SnapshotEvent other = anEvent().at(T1).description("Picked up").provider(7041).build();
        Snapshot s = aSnapshot().withEvent(PICKED_UP).withEvent(other).build();
        assertThat(SnapshotApply.apply(TrackingState.EMPTY, Set.of(), s).newEvents()).hasSize(2);
    }

    @Test
    void aLatestEventNewerThanEveryProviderEventSetsTheLatestTime() {
        SnapshotEvent latest = anEvent().at(T3).description("Newest").build();
        Snapshot s = aSnapshot().withEvent(PICKED_UP).latestEvent(latest).build();
        SnapshotApply.Result r = SnapshotApply.apply(TrackingState.EMPTY, Set.of(), s);
        assertThat(r.state().latestEventAt()).isEqualTo(T3);
        assertThat(r.state().latestEventText()).isEqualTo("Newest");
        assertThat(r.newEvents()).containsExactly(PICKED_UP);
    }

    @Test
    void aSnapshotWithoutEventsStillSetsTheStatusOfAnEmptyState() {
        Snapshot notFound = aSnapshot().status(SubStatus.NOT_FOUND_OTHER).providersHash(0L).build();
        SnapshotApply.Result r = SnapshotApply.apply(TrackingState.EMPTY, Set.of(), notFound);
        assertThat(r.moved()).isTrue();
        assertThat(r.state().status().main()).isEqualTo(MainStatus.NOT_FOUND);
        assertThat(r.state().latestEventAt()).isNull();
        assertThat(r.state().latestEventText()).isNull();
        apply(FIRST);
        assertThat(apply(notFound).moved()).isFalse();
    }

    @Test
    void deliveredAtIsTheNewestDeliveredEventOrTheLatestEventWhenOnlyTheStatusSaysSo() {
        assertThat(THIRD.deliveredAt()).isEqualTo(T3);
        Snapshot statusOnly = aSnapshot().withEvent(ARRIVED).status(SubStatus.DELIVERED_OTHER).build();
        assertThat(statusOnly.deliveredAt()).isEqualTo(T2);
        assertThat(SECOND.deliveredAt()).isNull();
    }

    @Test
    void newEventsLeavesOutWhatIsStored() {
        Set<String> stored = List.of(PICKED_UP, ARRIVED).stream().map(EventIdentity::key).collect(Collectors.toSet());
        assertThat(SnapshotApply.newEvents(stored, THIRD.events())).containsExactly(DELIVERED);
    }
}
