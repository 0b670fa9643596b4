package io.trackctl.store;

import io.trackctl.core.ingest.SnapshotApplier;
import io.trackctl.core.model.DeliveryOutcome;
import io.trackctl.core.model.DeliveryQuery;
import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.JobTrigger;
import io.trackctl.core.model.NewDelivery;
import io.trackctl.core.model.NewJob;
import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.SignatureVerdict;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.model.WebhookDelivery;
import io.trackctl.core.port.TrackingStore;
import io.trackctl.core.port.WebhookLog;
import io.trackctl.core.port.WebhookLog.Accepted;
import io.trackctl.core.port.WebhookLog.Duplicate;
import io.trackctl.core.port.WebhookLog.Ingested;
import io.trackctl.core.retry.TransientFailureException;
import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.status.MainStatus;
import io.trackctl.core.status.SubStatus;
import io.trackctl.core.testing.TestData;
import io.trackctl.core.testing.WireJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@link WebhookLog} contract. */
public abstract class WebhookLogContract extends StoreContractTest {

    private static final NewJob APPLY = new NewJob(JobKind.APPLY_WEBHOOK, JobTrigger.WEBHOOK, null, null, 3, null);

    private NewDelivery delivery(String number, String key) {
        return new NewDelivery(clock.instant(), "127.0.0.1", SignatureVerdict.VALID, "TRACKING_UPDATED", number, 3011,
                key, ("{\"number\":\"" + number + "\"}").getBytes(StandardCharsets.UTF_8), false, null);
    }

    /** Holds the write lock of the store's database (from another connection) until closed. */
    protected abstract AutoCloseable holdWriteLock(Connection c) throws Exception;

    @Test
    void aVerifiedDeliveryIsLoggedAndItsJobEnqueuedPointingAtIt() {
        Ingested in = store.webhooks().recordVerified(delivery("LX1000000001CN", "U|LX1|1"), APPLY);

        Accepted accepted = (Accepted) in;
        WebhookDelivery logged = store.webhooks().findDelivery(accepted.deliveryId()).orElseThrow();
        SyncJob job = store.jobs().findJob(accepted.jobId()).orElseThrow();
        assertThat(logged.outcome()).isEqualTo(DeliveryOutcome.ACCEPTED);
        assertThat(new String(logged.body(), StandardCharsets.UTF_8)).isEqualTo("{\"number\":\"LX1000000001CN\"}");
        assertThat(logged.dedupeKey()).isEqualTo("U|LX1|1");
        assertThat(logged.verdict()).isEqualTo(SignatureVerdict.VALID);
        assertThat(job.refId()).isEqualTo(accepted.deliveryId());
        assertThat(job.kind()).isEqualTo(JobKind.APPLY_WEBHOOK);
    }

    @Test
    void aSecondDeliveryWithTheSameKeyIsADuplicateLoggedAsSuchWithoutAJob() {
        store.webhooks().recordVerified(delivery("LX1000000002CN", "U|LX2|1"), APPLY);

        Ingested again = store.webhooks().recordVerified(delivery("LX1000000002CN", "U|LX2|1"), APPLY);

        assertThat(again).isInstanceOf(Duplicate.class);
        assertThat(store.webhooks().findDelivery(again.deliveryId()).orElseThrow().outcome())
                .isEqualTo(DeliveryOutcome.DUPLICATE);
        assertThat(store.jobs().queueStats().pending()).isEqualTo(1);
    }

    @Test
    void deliveriesArrivingTogetherAreEachLoggedOnceAndOnlyTheFirstOfEachKeyIsAccepted() throws Exception {
        int keys = 60;
        List<Future<Ingested>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int copy = 0; copy < 3; copy++) {
                for (int k = 0; k < keys; k++) {
                    String number = "LX" + (2_000_000_000L + k) + "CN";
                    results.add(threads.submit(() -> store.webhooks().recordVerified(delivery(number, "U|" + number), APPLY)));
                }
            }
        }
        List<Ingested> all = new ArrayList<>();
        for (Future<Ingested> f : results) {
            all.add(f.get());
        }

        assertThat(all).filteredOn(Accepted.class::isInstance).hasSize(keys);
        assertThat(all).filteredOn(Duplicate.class::isInstance).hasSize(2 * keys);
        assertThat(all.stream().map(Ingested::deliveryId).distinct().count()).isEqualTo(3L * keys);
        assertThat(store.jobs().queueStats().pending()).isEqualTo(keys);
        assertThat(store.webhooks().listDeliveries(new DeliveryQuery(DeliveryOutcome.ACCEPTED, null, null, null),
                PageRequest.FIRST).total()).isEqualTo(keys);
    }

    @Test
    void aDuplicateKnownToAFastLayerIsLoggedWithoutClaimingAKeyOrEnqueuing() {
        long id = store.webhooks().recordDuplicate(delivery("LX1000000005CN", "U|LX5|1"));

        assertThat(store.webhooks().findDelivery(id).orElseThrow().outcome()).isEqualTo(DeliveryOutcome.DUPLICATE);
        assertThat(store.jobs().queueStats().pending()).isZero();
        assertThat(store.webhooks().recordVerified(delivery("LX1000000005CN", "U|LX5|1"), APPLY))
                .isInstanceOf(Accepted.class);
    }

    @Test
    void aKeyIsClaimedPerTrackingNumber() {
        Ingested first = store.webhooks().recordVerified(delivery("LX1000000007CN", "U|same|1"), APPLY);
        Ingested otherNumber = store.webhooks().recordVerified(delivery("LX1000000008CN", "U|same|1"), APPLY);
        Ingested again = store.webhooks().recordVerified(delivery("LX1000000008CN", "U|same|1"), APPLY);

        assertThat(first).isInstanceOf(Accepted.class);
        assertThat(otherNumber).isInstanceOf(Accepted.class);
        assertThat(again).isInstanceOf(Duplicate.class);
    }

    @Test
    void aDeliveryWithAKeyButNoNumberIsRefusedWithNothingLogged() {
        assertThatThrownBy(() -> store.webhooks().recordVerified(delivery(null, "U|LX6|1"), APPLY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tracking number");

        assertThat(store.webhooks().listDeliveries(new DeliveryQuery(null, null, null, null), PageRequest.FIRST)
                .total()).isZero();
    }

    @Test
    void rejectedDeliveriesAndOutcomesAreLoggedAndListedByFilter() {
        NewDelivery bad = new NewDelivery(clock.instant(), "10.0.0.9", SignatureVerdict.INVALID, null, null, null,
                null, "{\"trunc".getBytes(StandardCharsets.UTF_8), true, "bad signature");
        long rejected = store.webhooks().recordRejected(bad);
        clock.advance(Duration.ofMinutes(1));
        Instant later = clock.instant();
        long accepted = store.webhooks().recordVerified(delivery("LX1000000003CN", "U|LX3|1"), APPLY).deliveryId();

        store.webhooks().markOutcome(accepted, DeliveryOutcome.PROCESSED, null);

        WebhookDelivery r = store.webhooks().findDelivery(rejected).orElseThrow();
        assertThat(r.outcome()).isEqualTo(DeliveryOutcome.REJECTED);
        assertThat(r.bodyTruncated()).isTrue();
        assertThat(r.error()).isEqualTo("bad signature");
        assertThat(store.webhooks().findDelivery(accepted).orElseThrow().processedAt()).isEqualTo(later);
        assertThat(ids(new DeliveryQuery(DeliveryOutcome.PROCESSED, null, null, null))).containsExactly(accepted);
        assertThat(ids(new DeliveryQuery(null, "LX1000000003CN", null, null))).containsExactly(accepted);
        assertThat(ids(new DeliveryQuery(null, null, null, later))).containsExactly(rejected);
        assertThat(ids(new DeliveryQuery(null, null, later, null))).containsExactly(accepted);
        assertThat(store.webhooks().listDeliveries(new DeliveryQuery(null, null, null, null), PageRequest.of(1, 1))
                .total()).isEqualTo(2);
    }

    @Test
    void everyCombinationOfFiltersListsWhatAFilterOverAllDeliveriesWould() {
        List<String> numbers = List.of("LX1000000011CN", "LX1000000012CN", "LX1000000013CN");
        List<Instant> times = new ArrayList<>();
        int n = 0;
        for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
            for (String number : numbers) {
                times.add(clock.instant());
                NewDelivery d = delivery(number, "U|" + number + "|" + n++);
                switch (outcome) {
                    case DUPLICATE -> store.webhooks().recordDuplicate(d);
                    case REJECTED -> store.webhooks().recordRejected(d);
                    default -> {
                        long id = store.webhooks().recordVerified(d, APPLY).deliveryId();
                        if (outcome != DeliveryOutcome.ACCEPTED) {
                            store.webhooks().markOutcome(id, outcome, outcome == DeliveryOutcome.FAILED ? "gave up" : null);
                        }
                    }
                }
                // Two deliveries share each instant, so the id must break the tie in the order.
                if (n % 2 == 0) {
                    clock.advance(Duration.ofSeconds(1));
                }
            }
        }
        List<WebhookDelivery> all = store.webhooks().listDeliveries(new DeliveryQuery(null, null, null, null),
                PageRequest.of(1, 100)).items();
        assertThat(all).hasSize(n).isSortedAccordingTo(
                Comparator.comparing(WebhookDelivery::receivedAt).thenComparing(WebhookDelivery::id).reversed());

        List<DeliveryOutcome> outcomes = new ArrayList<>(List.of(DeliveryOutcome.values()));
        outcomes.add(null);
        List<String> byNumber = new ArrayList<>(numbers);
        byNumber.add(null);
        List<Instant> bounds = new ArrayList<>(List.of(times.get(4), times.get(11)));
        bounds.add(null);
        for (DeliveryOutcome outcome : outcomes) {
            for (String number : byNumber) {
                for (Instant from : bounds) {
                    for (Instant to : bounds) {
                        DeliveryQuery q = new DeliveryQuery(outcome, number, from, to);
                        List<Long> expected = all.stream()
                                .filter(d -> outcome == null || d.outcome() == outcome)
                                .filter(d -> number == null || number.equals(d.number()))
                                .filter(d -> from == null || !d.receivedAt().isBefore(from))
                                .filter(d -> to == null || d.receivedAt().isBefore(to))
                                .map(WebhookDelivery::id).toList();
                        var page = store.webhooks().listDeliveries(q, PageRequest.of(1, 100));

                        assertThat(page.items()).as("%s", q).extracting(WebhookDelivery::id).isEqualTo(expected);
                        assertThat(page.total()).as("%s", q).isEqualTo(expected.size());
                    }
                }
            }
        }
    }

    @Test
    void outcomesRecordedTogetherEachGetTheirOutcomeAndProcessingTime() {
        long a = store.webhooks().recordVerified(delivery("LX1000000031CN", "U|LX31|1"), APPLY).deliveryId();
        long b = store.webhooks().recordVerified(delivery("LX1000000032CN", "U|LX32|1"), APPLY).deliveryId();
        long untouched = store.webhooks().recordVerified(delivery("LX1000000033CN", "U|LX33|1"), APPLY).deliveryId();
        clock.advance(Duration.ofSeconds(5));

        store.webhooks().markOutcomes(Map.of(a, DeliveryOutcome.PROCESSED, b, DeliveryOutcome.UNKNOWN_NUMBER));

        WebhookDelivery first = store.webhooks().findDelivery(a).orElseThrow();
        WebhookDelivery second = store.webhooks().findDelivery(b).orElseThrow();
        WebhookDelivery third = store.webhooks().findDelivery(untouched).orElseThrow();
        assertThat(first.outcome()).isEqualTo(DeliveryOutcome.PROCESSED);
        assertThat(second.outcome()).isEqualTo(DeliveryOutcome.UNKNOWN_NUMBER);
        assertThat(List.of(first.processedAt(), second.processedAt())).containsOnly(clock.instant());
        assertThat(third.outcome()).isEqualTo(DeliveryOutcome.ACCEPTED);
        assertThat(third.processedAt()).isNull();
    }

    @Test
    void aBatchOfDeliveriesIsAppliedAndOnlyTheOnesThatFailedAreLeftForAnotherTry() {
        String known = "LX1000000041CN";
        TrackingNumber tracking = ((TrackingStore.Created) store.tracking().createTracking(new NewTrackingNumber(
                aShop().id(), null, null, known, null, null, "api", null, null))).tracking();
        long applied = logged(known, WireJson.bytes(TestData.anUpdatedPush(inTransit(known))));
        long unknown = logged("LX1000000042CN", WireJson.bytes(TestData.anUpdatedPush(inTransit("LX1000000042CN"))));
        long unreadable = logged("LX1000000043CN", "{\"event\":".getBytes(StandardCharsets.UTF_8));
        long notLogged = unreadable + 1_000;
        clock.advance(Duration.ofSeconds(5));
        SnapshotApplier applier = new SnapshotApplier(store.tracking(), store.snapshots(), store.webhooks(), clock);

        Map<Long, RuntimeException> failures = applier.applyDeliveries(List.of(applied, unknown, unreadable, notLogged));

        assertThat(failures).containsOnlyKeys(unreadable, notLogged);
        assertThat(store.tracking().findTracking(tracking.id()).orElseThrow().state().status().main())
                .isEqualTo(MainStatus.IN_TRANSIT);
        assertThat(store.webhooks().findDelivery(applied).orElseThrow())
                .extracting(WebhookDelivery::outcome, WebhookDelivery::processedAt)
                .containsExactly(DeliveryOutcome.PROCESSED, clock.instant());
        assertThat(store.webhooks().findDelivery(unknown).orElseThrow().outcome())
                .isEqualTo(DeliveryOutcome.UNKNOWN_NUMBER);
        assertThat(store.webhooks().findDelivery(unreadable).orElseThrow())
                .extracting(WebhookDelivery::outcome, WebhookDelivery::processedAt)
                .containsExactly(DeliveryOutcome.ACCEPTED, null);
    }

    @Test
    void aDeliveryNamedTwiceIsAppliedOnceAndOutcomesThatCannotBeRecordedAreTriedAgain() {
        String number = "LX1000000051CN";
        store.tracking().createTracking(new NewTrackingNumber(aShop().id(), null, null, number, null, null, "api",
                null, null));
        long id = logged(number, WireJson.bytes(TestData.anUpdatedPush(inTransit(number))));
        List<Long> found = new ArrayList<>();
        List<Long> marked = new ArrayList<>();
        WebhookLog recording = new ForwardingLog(store.webhooks()) {
            @Override
            public java.util.Optional<WebhookDelivery> findDelivery(long deliveryId) {
                found.add(deliveryId);
                return super.findDelivery(deliveryId);
            }

            @Override
            public void markOutcomes(Map<Long, DeliveryOutcome> outcomes) {
                marked.addAll(outcomes.keySet());
                throw new StoreException("disk full");
            }
        };
        SnapshotApplier applier = new SnapshotApplier(store.tracking(), store.snapshots(), recording, clock);

        Map<Long, RuntimeException> failures = applier.applyDeliveries(List.of(id, id));

        assertThat(found).as("read and applied once").containsExactly(id);
        assertThat(marked).containsExactly(id);
        assertThat(failures).containsOnlyKeys(id);
        assertThat(failures.get(id)).isInstanceOf(TransientFailureException.class).hasMessageContaining("disk full");
        assertThat(store.webhooks().findDelivery(id).orElseThrow().outcome()).isEqualTo(DeliveryOutcome.ACCEPTED);
        assertThat(store.events().listEvents(store.tracking().findTrackingByNumber(number).getFirst().id(),
                PageRequest.FIRST).items()).hasSize(1);
    }

    /** A log that passes every call to another. */
    private static class ForwardingLog implements WebhookLog {
        private final WebhookLog to;

        ForwardingLog(WebhookLog to) {
            this.to = to;
        }

        @Override
        public Ingested recordVerified(NewDelivery delivery, NewJob job) {
            return to.recordVerified(delivery, job);
        }

        @Override
        public long recordRejected(NewDelivery delivery) {
            return to.recordRejected(delivery);
        }

        @Override
        public long recordDuplicate(NewDelivery delivery) {
            return to.recordDuplicate(delivery);
        }

        @Override
        public void markOutcome(long deliveryId, DeliveryOutcome outcome, String error) {
            to.markOutcome(deliveryId, outcome, error);
        }

        @Override
        public java.util.Optional<WebhookDelivery> findDelivery(long id) {
            return to.findDelivery(id);
        }

        @Override
        public io.trackctl.core.model.Page<WebhookDelivery> listDeliveries(DeliveryQuery query, PageRequest page) {
            return to.listDeliveries(query, page);
        }
    }

    /** Logs an accepted delivery of this body. */
    private long logged(String number, byte[] body) {
        NewDelivery d = new NewDelivery(clock.instant(), "127.0.0.1", SignatureVerdict.VALID, "TRACKING_UPDATED", number,
                3011, "U|" + number + "|1", body, false, null);
        return store.webhooks().recordVerified(d, APPLY).deliveryId();
    }

    private static Snapshot inTransit(String number) {
        return TestData.aSnapshot().number(number).providersHash(11L)
                .withEvent(TestData.anEvent().at("2024-11-11T09:30:00Z").description("Departed").location("Shenzhen")
                        .subStatus(SubStatus.IN_TRANSIT_DEPARTURE))
                .status(MainStatus.IN_TRANSIT, SubStatus.IN_TRANSIT_DEPARTURE)
                .build();
    }

    @Test
    void aDatabaseThatCannotTakeTheWriteIsATransientFailure() throws Exception {
        StoreConfig impatient = new StoreConfig(database.impatientUrl(200), 2, database.config().user(),
                database.config().password(), null);
        try (TrackctlStore other = TrackctlStore.open(impatient, clock);
             Connection locker = rawConnection();
             AutoCloseable lock = holdWriteLock(locker)) {
            assertThatThrownBy(() -> other.webhooks().recordVerified(delivery("LX1000000004CN", "U|LX4|1"), APPLY))
                    .isInstanceOf(TransientFailureException.class);
        }
        assertThat(store.webhooks().listDeliveries(new DeliveryQuery(null, "LX1000000004CN", null, null),
                PageRequest.FIRST).total()).isZero();
    }

    private List<Long> ids(DeliveryQuery q) {
        return store.webhooks().listDeliveries(q, PageRequest.FIRST).items().stream().map(WebhookDelivery::id)
                .toList();
    }

    /** SQLite: an open write transaction on another connection. */
    protected static AutoCloseable sqliteWriteLock(Connection c) throws Exception {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM alerts WHERE id < 0");
        }
        return c::rollback;
    }

    /** PostgreSQL: the log table locked against writers by another transaction. */
    protected static AutoCloseable postgresWriteLock(Connection c) throws Exception {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE tracking_webhook_logs IN EXCLUSIVE MODE");
        }
        return c::rollback;
    }
}
