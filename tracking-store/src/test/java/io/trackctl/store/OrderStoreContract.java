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
