package io.trackctl.core.port;

import io.trackctl.core.model.Order;
import io.trackctl.core.model.OrderQuery;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.Parcel;
import java.util.List;
import java.util.Optional;

/** Storage of orders and parcels, created implicitly when tracking numbers name them. */
public interface OrderStore {

    /** The order with this external id in this shop, created when missing. */
    Order ensureOrder(long shopId, String externalId);

    /** The parcel with this number in this order, created when missing. */
    Parcel ensureParcel(long orderId, String parcelNo);

    Optional<Order> findOrder(long id);

    Optional<Parcel> findParcel(long id);

    Page<Order> listOrders(OrderQuery query, PageRequest page);

    List<Parcel> parcelsOf(long orderId);
}
