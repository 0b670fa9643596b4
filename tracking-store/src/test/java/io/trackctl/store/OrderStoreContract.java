package io.trackctl.store;

import io.trackctl.core.model.Order;
import io.trackctl.core.model.OrderQuery;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.Parcel;
import io.trackctl.core.model.Shop;
import io.trackctl.core.port.OrderStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link OrderStore} contract. */
public abstract class OrderStoreContract extends StoreContractTest {

    @Test
    void ensuringAnOrderTwiceGivesTheSameOrderAndShopsDoNotShareOrders() {
        Shop a = aShop();
        Shop b = aShop();

        Order first = store.orders().ensureOrder(a.id(), "ORD-1");
        Order again = store.orders().ensureOrder(a.id(), "ORD-1");
        Order otherShop = store.orders().ensureOrder(b.id(), "ORD-1");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(otherShop.id()).isNotEqualTo(first.id());
        assertThat(store.orders().findOrder(first.id()).orElseThrow().externalId()).isEqualTo("ORD-1");
    }

    @Test
    void ensuringManyOrdersAndParcelsAtOnceReusesWhatExistsAndCreatesTheRest() {
        Shop shop = aShop();
        Order existing = store.orders().ensureOrder(shop.id(), "BULK-1");

        java.util.Map<String, Long> orders = store.orders().ensureOrders(shop.id(), java.util.List.of("BULK-1", "BULK-2"));

        assertThat(orders).containsEntry("BULK-1", existing.id()).containsKey("BULK-2");
        assertThat(store.orders().ensureOrder(shop.id(), "BULK-2").id()).isEqualTo(orders.get("BULK-2"));
        Parcel p1 = store.orders().ensureParcel(existing.id(), "P1");
        OrderStore.ParcelKey k1 = new OrderStore.ParcelKey(existing.id(), "P1");
        OrderStore.ParcelKey k2 = new OrderStore.ParcelKey(orders.get("BULK-2"), "P1");
        java.util.Map<OrderStore.ParcelKey, Long> parcels = store.orders().ensureParcels(java.util.List.of(k1, k2));
        assertThat(parcels).containsEntry(k1, p1.id()).containsKey(k2);
        assertThat(parcels.get(k2)).isNotEqualTo(p1.id());
        assertThat(store.orders().ensureParcels(java.util.List.of(k2))).containsEntry(k2, parcels.get(k2));
    }

    @Test
    void ensuringAParcelTwiceGivesTheSameParcelAndOrdersListTheirParcels() {
        Order o = store.orders().ensureOrder(aShop().id(), "ORD-2");

        Parcel p1 = store.orders().ensureParcel(o.id(), "1");
        Parcel p1again = store.orders().ensureParcel(o.id(), "1");
        Parcel p2 = store.orders().ensureParcel(o.id(), "2");

        assertThat(p1again.id()).isEqualTo(p1.id());
        assertThat(store.orders().parcelsOf(o.id())).extracting(Parcel::id).containsExactly(p1.id(), p2.id());
        assertThat(store.orders().findParcel(p2.id()).orElseThrow().parcelNo()).isEqualTo("2");
    }

    @Test
    void listingIsScopedToTheShopAndFiltersByCreationTime() {
        Shop a = aShop();
        Shop b = aShop();
        Order early = store.orders().ensureOrder(a.id(), "E");
        clock.advance(Duration.ofHours(1));
        Order late = store.orders().ensureOrder(a.id(), "L");
        store.orders().ensureOrder(b.id(), "B");

        assertThat(store.orders().listOrders(new OrderQuery(a.id(), null, null), PageRequest.FIRST).items())
                .extracting(Order::id).containsExactly(late.id(), early.id());
        assertThat(store.orders().listOrders(new OrderQuery(a.id(), late.createdAt(), null), PageRequest.FIRST).items())
                .extracting(Order::id).containsExactly(late.id());
        assertThat(store.orders().listOrders(new OrderQuery(null, null, late.createdAt()), PageRequest.FIRST).items())
                .extracting(Order::id).containsExactly(early.id());
        assertThat(store.orders().listOrders(new OrderQuery(null, null, null), PageRequest.of(1, 1)).total())
                .isEqualTo(3);
    }
}
