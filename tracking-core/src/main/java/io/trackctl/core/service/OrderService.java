package io.trackctl.core.service;

import io.trackctl.core.model.Order;
import io.trackctl.core.model.OrderQuery;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.Parcel;
import io.trackctl.core.port.OrderStore;
import java.util.List;
import java.util.Objects;

/** Orders and their parcels, scoped to the caller's shop. */
public final class OrderService {

    /** An order with its parcels. */
    public record OrderDetail(Order order, List<Parcel> parcels) {
    }

    private final OrderStore orders;

    public OrderService(OrderStore orders) {
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    /** Lists orders; a shop caller asking for another shop's orders gets an empty page. */
    public Page<Order> list(Caller caller, OrderQuery query, PageRequest page) {
        if (query.createdFrom() != null && query.createdTo() != null && query.createdFrom().isAfter(query.createdTo())) {
            throw ValidationException.of("createdFrom", "must not be after createdTo");
        }
        if (caller.isAdmin()) {
            return orders.listOrders(query, page);
        }
        if (query.shopId() != null && !query.shopId().equals(caller.shopId())) {
            return Page.of(List.of(), page, 0);
        }
        return orders.listOrders(new OrderQuery(caller.shopId(), query.createdFrom(), query.createdTo()), page);
    }

    public OrderDetail get(Caller caller, long id) {
        Order order = orders.findOrder(id)
                .filter(o -> caller.canSee(o.shopId()))
                .orElseThrow(() -> new NotFoundException("order", id));
        return new OrderDetail(order, orders.parcelsOf(order.id()));
    }
}
