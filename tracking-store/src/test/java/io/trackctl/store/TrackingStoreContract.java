package io.trackctl.store;

import io.trackctl.core.imports.ImportPipeline;
import io.trackctl.core.imports.ImportRow;
import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.RegistrationState;
import io.trackctl.core.model.Shop;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.model.TrackingQuery;
import io.trackctl.core.port.TrackingStore;
import io.trackctl.core.port.TrackingStore.CreateOutcome;
import io.trackctl.core.port.TrackingStore.Created;
import io.trackctl.core.port.TrackingStore.Duplicate;
import io.trackctl.core.status.MainStatus;
import io.trackctl.core.status.SubStatus;
import io.trackctl.core.testing.TestData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link TrackingStore} contract. */
public abstract class TrackingStoreContract extends StoreContractTest {

    private NewTrackingNumber number(long shopId, String number) {
        return new NewTrackingNumber(shopId, null, null, number, null, null, "api", null, null);
    }

    private TrackingNumber created(CreateOutcome outcome) {
        assertThat(outcome).isInstanceOf(Created.class);
        return ((Created) outcome).tracking();
    }

    @Test
    void aNumberIsStoredNormalizedAndASecondCreateInTheSameShopIsADuplicate() {
        Shop shop = aShop();
        Shop other = aShop();

        TrackingNumber first = created(store.tracking().createTracking(number(shop.id(), " lx 123456789cn ")));
        CreateOutcome again = store.tracking().createTracking(number(shop.id(), "LX123456789CN"));
        CreateOutcome elsewhere = store.tracking().createTracking(number(other.id(), "LX123456789CN"));

        assertThat(first.number()).isEqualTo("LX123456789CN");
        assertThat(first.registration()).isEqualTo(RegistrationState.PENDING);
        assertThat(first.state().status().main()).isEqualTo(MainStatus.UNKNOWN);
        assertThat(again).isEqualTo(new Duplicate(first.id()));
        assertThat(elsewhere).isInstanceOf(Created.class);
        assertThat(store.tracking().findTrackingByNumber("lx123456789cn")).hasSize(2);
        assertThat(store.tracking().findTracking(first.id())).contains(first);
    }

    @Test
    void aBatchGivesOneOutcomePerInputInOrderAcrossChunks() {
        Shop shop = aShop();
        TrackingNumber stored = created(store.tracking().createTracking(number(shop.id(), "STORED0001")));
        List<NewTrackingNumber> batch = new ArrayList<>();
        for (int i = 0; i < 5100; i++) {
            batch.add(number(shop.id(), "BATCH" + String.format("%05d", i)));
        }
        batch.add(number(shop.id(), "STORED0001"));
        batch.add(number(shop.id(), "BATCH00003"));
        batch.add(number(shop.id(), "BATCH05099"));

        List<CreateOutcome> outcomes = store.tracking().createTrackingBatch(batch);

        assertThat(outcomes).hasSize(5103);
        assertThat(outcomes.subList(0, 5100)).allMatch(o -> o instanceof Created);
        assertThat(created(outcomes.get(5)).number()).isEqualTo("BATCH00005");
        assertThat(created(outcomes.get(5050)).number()).isEqualTo("BATCH05050");
        assertThat(outcomes.get(5100)).isEqualTo(new Duplicate(stored.id()));
        assertThat(outcomes.get(5101)).isEqualTo(new Duplicate(created(outcomes.get(3)).id()));
        assertThat(outcomes.get(5102)).isEqualTo(new Duplicate(created(outcomes.get(5099)).id()));
        assertThat(store.tracking().listTracking(new TrackingQuery(shop.id(), null, null, null, null),
                PageRequest.of(1, 1)).total()).isEqualTo(5101);
    }

    @Test
    void storingForAnImportGivesTheIdsOfTheNewNumbersInInputOrder() {
        Shop shop = aShop();
        Shop other = aShop();
        TrackingNumber stored = created(store.tracking().createTracking(number(shop.id(), "IDS000001")));
        created(store.tracking().createTracking(number(other.id(), "IDS000002")));

        List<Long> ids = store.tracking().createTrackingIds(List.of(number(shop.id(), "IDS000003"),
                number(shop.id(), "IDS000001"), number(shop.id(), "IDS000002"), number(shop.id(), "IDS000003"),
                number(other.id(), "IDS000003")));

        assertThat(ids).hasSize(3).doesNotHaveDuplicates().doesNotContain(stored.id());
        assertThat(store.tracking().findTracking(ids.get(0)).orElseThrow())
                .extracting(TrackingNumber::shopId, TrackingNumber::number).containsExactly(shop.id(), "IDS000003");
        assertThat(store.tracking().findTracking(ids.get(1)).orElseThrow())
                .extracting(TrackingNumber::shopId, TrackingNumber::number).containsExactly(shop.id(), "IDS000002");
        assertThat(store.tracking().findTracking(ids.get(2)).orElseThrow())
                .extracting(TrackingNumber::shopId, TrackingNumber::number).containsExactly(other.id(), "IDS000003");
        assertThat(ids(new TrackingQuery(null, null, "IDS000003", null, null))).containsExactlyInAnyOrder(
                ids.get(0), ids.get(2));
    }

    @Test
    void numbersStoredByEveryInsertPathAreFoundByKeyword() {
        Shop shop = aShop();
        TrackingNumber single = created(store.tracking().createTracking(number(shop.id(), "KWSINGLE0001")));
        List<CreateOutcome> batch = store.tracking().createTrackingBatch(List.of(
                number(shop.id(), "KWBATCH0001"), number(shop.id(), "KWSINGLE0001"), number(shop.id(), "KWBATCH0002")));
        ImportPipeline pipeline = new ImportPipeline(store.tracking(), store.orders(), store.carriers(), 2);
        pipeline.run(1, shop.id(), "csv", List.of(
                new ImportRow(2, "KWIMPORT0001", "KWIMPORT0001", null, null, "ORDER-1", null, null),
                new ImportRow(3, "KWIMPORT0002", "KWIMPORT0002", null, null, null, null, null),
                new ImportRow(4, "KWIMPORT0003", "KWIMPORT0003", null, null, null, null, null)).iterator(),
                (counts, errors, created) -> { });

        assertThat(ids(new TrackingQuery(shop.id(), null, "single", null, null))).containsExactly(single.id());
        assertThat(ids(new TrackingQuery(shop.id(), null, "kwbatch", null, null))).containsExactlyInAnyOrder(
                created(batch.get(0)).id(), created(batch.get(2)).id());
        assertThat(ids(new TrackingQuery(shop.id(), null, "kwimport", null, null))).hasSize(3);
        assertThat(ids(new TrackingQuery(shop.id(), null, "import0003", null, null))).hasSize(1);
    }

    @Test
    void aNumberStoredAfterTheNewestWasDeletedIsFoundByKeywordAndTheDeletedOneIsNot() {
        Shop shop = aShop();
        created(store.tracking().createTracking(number(shop.id(), "REUSE00001")));
        TrackingNumber newest = created(store.tracking().createTracking(number(shop.id(), "REUSE00002")));
        store.tracking().deleteTracking(null, List.of(newest.id()));

        TrackingNumber next = created(store.tracking().createTracking(number(shop.id(), "REUSE00003")));

        assertThat(ids(new TrackingQuery(shop.id(), null, "REUSE00003", null, null))).containsExactly(next.id());
        assertThat(ids(new TrackingQuery(shop.id(), null, "REUSE00002", null, null))).isEmpty();
        assertThat(ids(new TrackingQuery(shop.id(), null, "REUSE", null, null))).hasSize(2);
    }

    @Test
    void listingFiltersByShopStatusKeywordAndUpdateTimeWithTotals() {
        Shop a = aShop();
        Shop b = aShop();
        TrackingNumber a1 = created(store.tracking().createTracking(number(a.id(), "LX111222333CN")));
        clock.advance(Duration.ofMinutes(5));
        TrackingNumber a2 = created(store.tracking().createTracking(number(a.id(), "RR999888777DE")));
        TrackingNumber b1 = created(store.tracking().createTracking(number(b.id(), "LX111444555CN")));
        store.snapshots().applySnapshot(a2.id(), TestData.aSnapshot().number(a2.number())
                .withEvent(TestData.anEvent().at("2024-11-10T08:00:00Z").subStatus(SubStatus.DELIVERED_OTHER))
                .status(MainStatus.DELIVERED, SubStatus.DELIVERED_OTHER).build(), clock.instant());

        assertThat(ids(new TrackingQuery(a.id(), null, null, null, null))).containsExactly(a2.id(), a1.id());
        assertThat(ids(new TrackingQuery(null, MainStatus.DELIVERED, null, null, null))).containsExactly(a2.id());
        assertThat(ids(new TrackingQuery(a.id(), MainStatus.UNKNOWN, null, null, null))).containsExactly(a1.id());
        assertThat(ids(new TrackingQuery(null, null, "111", null, null))).containsExactlyInAnyOrder(a1.id(), b1.id());
        assertThat(ids(new TrackingQuery(null, null, "lx111222", null, null))).containsExactly(a1.id());
        assertThat(ids(new TrackingQuery(b.id(), null, "111", null, null))).containsExactly(b1.id());
        assertThat(ids(new TrackingQuery(null, null, "DE", null, null))).containsExactly(a2.id());
        assertThat(ids(new TrackingQuery(null, null, "ZZZ", null, null))).isEmpty();
        assertThat(ids(new TrackingQuery(null, null, null, a2.createdAt(), null)))
                .containsExactlyInAnyOrder(a2.id(), b1.id());
        assertThat(ids(new TrackingQuery(null, null, null, null, a2.createdAt()))).containsExactly(a1.id());

        Page<TrackingNumber> page = store.tracking().listTracking(new TrackingQuery(null, null, "CN", null, null),
                PageRequest.of(2, 1));
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).hasSize(1);
    }

    @Test
    void deletingRespectsTheShopScopeAndReportsWhatWasDeleted() {
        Shop a = aShop();
        Shop b = aShop();
        TrackingNumber a1 = created(store.tracking().createTracking(number(a.id(), "DEL000001")));
        TrackingNumber b1 = created(store.tracking().createTracking(number(b.id(), "DEL000002")));

        assertThat(store.tracking().deleteTracking(a.id(), List.of(a1.id(), b1.id(), 999_999L)))
                .containsExactly(a1.id());
        assertThat(store.tracking().findTracking(b1.id())).isPresent();
        assertThat(store.tracking().deleteTracking(null, List.of(b1.id()))).containsExactly(b1.id());
        assertThat(store.tracking().findTracking(a1.id())).isEmpty();
    }

    @Test
    void registrationAndSyncBookkeepingDriveWhatIsDueForSyncStalestFirst() {
        Shop s = aShop();
        TrackingNumber never = created(store.tracking().createTracking(number(s.id(), "SYNC00001")));
        TrackingNumber old = created(store.tracking().createTracking(number(s.id(), "SYNC00002")));
        TrackingNumber recent = created(store.tracking().createTracking(number(s.id(), "SYNC00003")));
        TrackingNumber rejected = created(store.tracking().createTracking(number(s.id(), "SYNC00004")));
        TrackingNumber delivered = created(store.tracking().createTracking(number(s.id(), "SYNC00005")));
        TrackingNumber stopped = created(store.tracking().createTracking(number(s.id(), "SYNC00006")));
        Instant now = clock.instant();
        store.tracking().markSynced(List.of(old.id()), now.minus(Duration.ofHours(10)));
        store.tracking().markSynced(List.of(recent.id()), now.minus(Duration.ofMinutes(1)));
        store.tracking().markRegistration(List.of(rejected.id()), RegistrationState.REJECTED, "invalid number");
        store.tracking().markRegistration(List.of(never.id(), old.id()), RegistrationState.REGISTERED, null);
        store.snapshots().applySnapshot(delivered.id(), TestData.aSnapshot().number(delivered.number())
                .withEvent(TestData.anEvent()).status(MainStatus.DELIVERED, SubStatus.DELIVERED_OTHER).build(),
                now.minus(Duration.ofDays(3)));
        store.snapshots().markStopped(stopped.id(), now.minus(Duration.ofDays(3)));

        List<TrackingNumber> due = store.tracking().dueForSync(now.minus(Duration.ofHours(1)), 10);

        assertThat(due).extracting(TrackingNumber::id).containsExactly(never.id(), old.id());
        assertThat(store.tracking().dueForSync(now.minus(Duration.ofHours(1)), 1)).hasSize(1);
        TrackingNumber r = store.tracking().findTracking(rejected.id()).orElseThrow();
        assertThat(r.registration()).isEqualTo(RegistrationState.REJECTED);
        assertThat(r.registrationError()).isEqualTo("invalid number");
        assertThat(store.tracking().findTracking(old.id()).orElseThrow().lastSyncAt())
                .isEqualTo(now.minus(Duration.ofHours(10)));
    }

    private List<Long> ids(TrackingQuery q) {
        return store.tracking().listTracking(q, PageRequest.of(1, 50)).items().stream().map(TrackingNumber::id)
                .toList();
    }
}
