package io.trackctl.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.ingest.SnapshotApplier;
import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.JobTrigger;
import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.RegistrationState;
import io.trackctl.core.model.Shop;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.model.SyncJobQuery;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.port.TrackingGateway;
import io.trackctl.core.port.TrackingStore;
import io.trackctl.core.status.MainStatus;
import io.trackctl.core.status.SubStatus;
import io.trackctl.core.sync.SchedulerLock;
import io.trackctl.core.sync.SyncScheduler;
import io.trackctl.core.sync.SyncService;
import io.trackctl.core.sync.SyncSettings;
import io.trackctl.core.testing.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sync scheduler on a real store: only stale, non-final numbers, stalest first, within the budget. */
public abstract class SyncSchedulerContract extends StoreContractTest {

    /** Never called: scheduling only queues jobs. */
    private static final TrackingGateway OFFLINE = new TrackingGateway() {
        @Override
        public Registration register(List<NumberRef> numbers) {
            throw new AssertionError("scheduling must not call 17TRACK");
        }

        @Override
        public Pull pull(List<NumberRef> numbers) {
            throw new AssertionError("scheduling must not call 17TRACK");
        }
    };

    private SyncService sync(int budget) {
        SyncSettings settings = new SyncSettings(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofHours(6),
                budget, 3);
        return new SyncService(store.tracking(), store.jobs(), OFFLINE,
                new SnapshotApplier(store.tracking(), store.snapshots(), store.webhooks(), clock), settings, clock);
    }

    private TrackingNumber number(Shop shop, String n, Duration syncedAgo) {
        TrackingNumber t = ((TrackingStore.Created) store.tracking().createTracking(
                new NewTrackingNumber(shop.id(), null, null, n, null, null, "api", null, null))).tracking();
        if (syncedAgo != null) {
            store.tracking().markSynced(List.of(t.id()), clock.instant().minus(syncedAgo));
        }
        return t;
    }

    private List<Long> queuedPulls() {
        return store.jobs().listJobs(new SyncJobQuery(null, null, JobKind.PULL, null), PageRequest.of(1, 200))
                .items().stream().sorted(Comparator.comparingLong(SyncJob::id)).map(SyncJob::trackingId).toList();
    }

    @Test
    void aRunQueuesOnlyStaleNonFinalNumbersStalestFirstWithinItsBudget() {
        Shop shop = aShop();
        TrackingNumber never = number(shop, "SCHED00001", null);
        TrackingNumber old10 = number(shop, "SCHED00002", Duration.ofHours(10));
        TrackingNumber old8 = number(shop, "SCHED00003", Duration.ofHours(8));
        TrackingNumber old7 = number(shop, "SCHED00004", Duration.ofHours(7));
        number(shop, "SCHED00005", Duration.ofHours(1));
        TrackingNumber delivered = number(shop, "SCHED00006", Duration.ofHours(30));
        store.snapshots().applySnapshot(delivered.id(), TestData.aSnapshot().number(delivered.number())
                .withEvent(TestData.anEvent()).status(MainStatus.DELIVERED, SubStatus.DELIVERED_OTHER).build(),
                clock.instant());
        store.tracking().markSynced(List.of(delivered.id()), clock.instant().minus(Duration.ofHours(30)));
        TrackingNumber stopped = number(shop, "SCHED00007", Duration.ofHours(40));
        store.snapshots().markStopped(stopped.id(), clock.instant());
        TrackingNumber rejected = number(shop, "SCHED00008", Duration.ofHours(50));
        store.tracking().markRegistration(List.of(rejected.id()), RegistrationState.REJECTED, "-18010012 invalid");

        int first = sync(3).scheduleStale();

        assertThat(first).isEqualTo(3);
        assertThat(queuedPulls()).containsExactly(never.id(), old10.id(), old8.id());
        assertThat(store.jobs().listJobs(new SyncJobQuery(null, null, JobKind.PULL, null), PageRequest.of(1, 10))
                .items()).allMatch(j -> j.trigger() == JobTrigger.SCHEDULE);

        // the first three get pulled; an hour later only the last stale one is left
        store.tracking().markSynced(List.of(never.id(), old10.id(), old8.id()), clock.instant());
        clock.advance(Duration.ofHours(1));
        int second = sync(3).scheduleStale();

        assertThat(second).isEqualTo(1);
        assertThat(queuedPulls()).containsExactly(never.id(), old10.id(), old8.id(), old7.id());
    }

    @Test
    void aZeroBudgetOrALockHeldElsewhereQueuesNothing() {
        Shop shop = aShop();
        number(shop, "SCHED00011", null);
        number(shop, "SCHED00012", Duration.ofDays(2));

        assertThat(sync(0).scheduleStale()).isZero();
        SchedulerLock elsewhere = new SchedulerLock() {
            @Override
            public boolean tryAcquire() {
                return false;
            }

            @Override
            public void release() {
            }
        };
        assertThat(new SyncScheduler(sync(10), elsewhere).runOnce()).isZero();
        assertThat(queuedPulls()).isEmpty();

        assertThat(new SyncScheduler(sync(10), SchedulerLock.local()).runOnce()).isEqualTo(2);
        assertThat(queuedPulls()).hasSize(2);
    }

    @Test
    void aPullQueuedAgainBeforeTheFirstRanIsDoneWithoutCalling17trackTwice() {
        Shop shop = aShop();
        number(shop, "SCHED00021", Duration.ofDays(1));
        number(shop, "SCHED00022", Duration.ofDays(2));
        java.util.concurrent.atomic.AtomicInteger pulls = new java.util.concurrent.atomic.AtomicInteger();
        TrackingGateway counting = new TrackingGateway() {
            @Override
            public Registration register(List<NumberRef> numbers) {
                throw new AssertionError("all numbers are registered");
            }

            @Override
            public Pull pull(List<NumberRef> numbers) {
                pulls.incrementAndGet();
                return new Pull(List.of(), List.of());
            }
        };
        SyncService sync = new SyncService(store.tracking(), store.jobs(), counting,
                new SnapshotApplier(store.tracking(), store.snapshots(), store.webhooks(), clock),
                new SyncSettings(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofHours(6), 10, 3), clock);
        assertThat(sync.scheduleStale()).isEqualTo(2);
        assertThat(sync.scheduleStale()).as("the first pulls have not run yet").isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));

        List<SyncJob> first = store.jobs().claim(java.util.Set.of(JobKind.PULL), 2, "w", Duration.ofMinutes(1),
                Duration.ZERO);
        assertThat(sync.pullHandler().handle(first)).isEmpty();
        List<SyncJob> second = store.jobs().claim(java.util.Set.of(JobKind.PULL), 2, "w", Duration.ofMinutes(1),
                Duration.ZERO);
        assertThat(second).hasSize(2);
        assertThat(sync.pullHandler().handle(second)).isEmpty();

        assertThat(pulls.get()).isEqualTo(1);
    }

    @Test
    void aLargeBacklogIsWorkedOffBudgetByBudgetStalestFirst() {
        Shop shop = aShop();
        for (int i = 0; i < 25; i++) {
            number(shop, String.format("BACKLOG%04d", i), Duration.ofHours(100 - i));
        }
        SyncService sync = sync(10);

        for (int run = 0; run < 3; run++) {
            List<Long> before = queuedPulls();
            int queued = sync.scheduleStale();
            assertThat(queued).isLessThanOrEqualTo(10);
            List<Long> now = queuedPulls();
            store.tracking().markSynced(now.subList(before.size(), now.size()), clock.instant());
        }

        List<String> order = queuedPulls().stream()
                .map(id -> store.tracking().findTracking(id).orElseThrow().number()).toList();
        assertThat(order).hasSize(25);
        assertThat(order).isSorted();
    }
}
