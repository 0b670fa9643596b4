package io.trackctl.store;

import io.trackctl.core.model.Carrier;
import io.trackctl.core.model.NewCarrier;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.port.CarrierStore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@link CarrierStore} contract. */
public abstract class CarrierStoreContract extends StoreContractTest {

    @Test
    void theWellKnownCarriersShipWithTheSchema() {
        assertThat(store.carriers().searchCarriers(null, PageRequest.of(1, 200)).total()).isGreaterThanOrEqualTo(26);
        assertThat(store.carriers().findCarrierByCode("usps").orElseThrow().trackKey()).isEqualTo(21051);
        assertThat(store.carriers().findCarrierByCode("UPS").orElseThrow().trackKey()).isEqualTo(100002);
        assertThat(store.carriers().findCarrierByKey(100001).orElseThrow().code()).isEqualTo("dhl-express");
        assertThat(store.carriers().findCarrierByKey(3011).orElseThrow().name()).isEqualTo("China Post");
    }

    @Test
    void upsertCreatesNewCodesAndUpdatesKnownCodesOrKeys() {
        String code = "test-carrier-" + unique();
        int key = 900000 + unique();

        CarrierStore.UpsertCounts first = store.carriers().upsertCarriers(List.of(
                new NewCarrier(code, "Test Carrier", key, "de", null)));
        CarrierStore.UpsertCounts second = store.carriers().upsertCarriers(List.of(
                new NewCarrier(code, "Test Carrier Renamed", key, "DE", "https://t.example"),
                new NewCarrier(code + "-renamed", "Same Key Other Code", key, null, null)));

        assertThat(first).isEqualTo(new CarrierStore.UpsertCounts(1, 0));
        assertThat(second).isEqualTo(new CarrierStore.UpsertCounts(0, 2));
        Carrier byKey = store.carriers().findCarrierByKey(key).orElseThrow();
        assertThat(byKey.code()).isEqualTo(code + "-renamed");
        assertThat(byKey.name()).isEqualTo("Same Key Other Code");
        assertThat(store.carriers().findCarrier(byKey.id())).contains(byKey);
        assertThat(store.carriers().findCarrierByCode(code)).isEmpty();
    }

    @Test
    void aKeyThatBelongsToAnotherCodeIsRefusedAndNothingOfTheBatchIsSaved() {
        String fresh = "fresh-" + unique();

        assertThatThrownBy(() -> store.carriers().upsertCarriers(List.of(
                new NewCarrier(fresh, "Fresh", null, null, null),
                new NewCarrier("usps", "USPS", 100002, "US", null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ups'");
        assertThat(store.carriers().findCarrierByCode(fresh)).isEmpty();
        assertThat(store.carriers().findCarrierByCode("usps").orElseThrow().trackKey()).isEqualTo(21051);
    }

    @Test
    void searchMatchesCodeOrNameIgnoringCaseWithPagingTotals() {
        String tag = "zq" + unique();
        store.carriers().upsertCarriers(List.of(
                new NewCarrier(tag + "-a", "Alpha", null, null, null),
                new NewCarrier("other-" + tag, "Beta", null, null, null),
                new NewCarrier("plain-" + unique(), "Gamma " + tag.toUpperCase(), null, null, null)));

        Page<Carrier> page = store.carriers().searchCarriers(tag.toUpperCase(), PageRequest.of(1, 2));

        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).hasSize(2);
        assertThat(store.carriers().searchCarriers("china", PageRequest.FIRST).items())
                .extracting(Carrier::code).contains("china-post");
    }
}
