package io.trackctl.server.resource;

import io.trackctl.core.model.ShopQuery;
import io.trackctl.core.service.ShopInput;
import io.trackctl.core.service.ShopService;
import io.trackctl.server.http.ApiRequest;
import io.trackctl.server.http.ApiService;
import io.trackctl.server.http.Reply;
import io.trackctl.server.http.Routes;

/** {@code /shops}: create, list (platform filter, name search), read, update, soft delete. */
public final class ShopsResource implements ApiService {

    /** The request body of create and update; credentials in clear, sealed by the service. */
    record ShopBody(String shopName, String platform, String storeUrl, String apiKey, String apiSecret,
                    String accessToken, String timezone) {

        ShopInput input() {
            return new ShopInput(shopName, platform, storeUrl, apiKey, apiSecret, accessToken, timezone);
        }

        @Override
        public String toString() {
            return input().toString();
        }
    }

    private final ShopService shops;

    public ShopsResource(ShopService shops) {
        this.shops = shops;
    }

    @Override
    public String path() {
        return "/shops";
    }

    @Override
    public void routes(Routes routes) {
        routes.post("/", this::create)
                .get("/", this::list)
                .get("/{id}", this::get)
                .put("/{id}", this::update)
                .delete("/{id}", this::delete);
    }

    private Object create(ApiRequest req) {
        return Reply.created(Views.ShopView.of(shops.create(req.caller(), req.body(ShopBody.class).input())));
    }

    private Object list(ApiRequest req) {
        ShopQuery query = new ShopQuery(req.query("platform").orElse(null),
                req.query("name").or(() -> req.query("keyword")).orElse(null),
                req.queryFlag("includeDisabled"));
        return Views.PageView.of(shops.list(req.caller(), query, req.page()), Views.ShopView::of);
    }

    private Object get(ApiRequest req) {
        return Views.ShopView.of(shops.get(req.caller(), req.pathId("id")));
    }

    private Object update(ApiRequest req) {
        long id = req.pathId("id");
        return Views.ShopView.of(shops.update(req.caller(), id, req.body(ShopBody.class).input()));
    }

    private Object delete(ApiRequest req) {
        return Views.ShopView.of(shops.disable(req.caller(), req.pathId("id")));
    }
}
