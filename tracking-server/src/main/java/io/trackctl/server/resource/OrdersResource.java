package io.trackctl.server.resource;

import io.trackctl.core.model.OrderQuery;
import io.trackctl.core.service.OrderService;
import io.trackctl.server.http.ApiRequest;
import io.trackctl.server.http.ApiService;
import io.trackctl.server.http.Routes;

/** {@code /orders}: list by shop and creation time range, read one with its parcels. */
public final class OrdersResource implements ApiService {

    private final OrderService orders;

    public OrdersResource(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public String path() {
        return "/orders";
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/", this::list)
                .get("/{id}", this::get);
    }

    private Object list(ApiRequest req) {
        OrderQuery query = new OrderQuery(req.queryId("shopId"), req.queryInstant("createdFrom"),
                req.queryInstant("createdTo"));
        return Views.PageView.of(orders.list(req.caller(), query, req.page()), Views.OrderView::of);
    }

    private Object get(ApiRequest req) {
        OrderService.OrderDetail d = orders.get(req.caller(), req.pathId("id"));
        var o = d.order();
        return new Views.OrderDetailView(o.id(), o.shopId(), o.externalId(), o.orderNumber(), o.orderedAt(),
                o.createdAt(), o.updatedAt(), d.parcels().stream().map(Views.ParcelView::of).toList());
    }
}
