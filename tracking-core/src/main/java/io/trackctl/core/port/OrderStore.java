package io.trackctl.core.port;

import io.trackctl.core.model.Order;
import io.trackctl.core.model.OrderQuery;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.Parcel;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage of orders and parcels, created implicitly when tracking numbers name them. */
public interface OrderStore {

    /** The order with this external id in this shop, created when missing. */
    Order ensureOrder(long shopId, String externalId);

    /** The parcel with this number in this order, created when missing. */
    Parcel ensureParcel(long orderId, String parcelNo);

    /** A parcel number within an order. */
    record ParcelKey(long orderId, String parcelNo) {
    }

    /**
     * The ids of the orders with these external ids in this shop, created when missing; stores may
     * do it in one transaction (imports call this once per batch of rows).
     */
    default Map<String, Long> ensureOrders(long shopId, Collection<String> externalIds) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String e : externalIds) {
            ids.put(e, ensureOrder(shopId, e).id());
        }
        return ids;
    }

    /** The ids of these parcels, created when missing; stores may do it in one transaction. */
    default Map<ParcelKey, Long> ensureParcels(Collection<ParcelKey> keys) {
        Map<ParcelKey, Long> ids = new LinkedHashMap<>();
        for (ParcelKey k : keys) {
            ids.put(k, ensureParcel(k.orderId(), k.parcelNo()).id());
        }
        return ids;
    }

    Optional<Order> findOrder(long id);

    Optional<Parcel> findParcel(long id);

    Page<Order> listOrders(OrderQuery query, PageRequest page);

    List<Parcel> parcelsOf(long orderId);
}
