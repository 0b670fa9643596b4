package io.trackctl.store.internal;

import io.trackctl.core.model.Credential;
import io.trackctl.core.model.NewShop;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.Shop;
import io.trackctl.core.model.ShopQuery;
import io.trackctl.core.model.ShopStatus;
import io.trackctl.core.port.ShopStore;

import java.util.Locale;
import java.util.Optional;

/** Shops; credentials are stored as given (sealed text and hint), never opened here. */
public final class SqlShopStore implements ShopStore {

    private final Db db;

    public SqlShopStore(Db db) {
        this.db = db;
    }

    @Override
    public Shop create(NewShop shop) {
        return db.tx(x -> {
            Params p = credentials(db.params(), shop.apiKey(), shop.apiSecret(), shop.accessToken())
                    .put("name", shop.name()).put("platform", shop.platform()).put("store_url", shop.storeUrl())
                    .put("timezone", shop.timezone()).put("now", db.now());
            long id = x.insertReturningId("shop.insert", p).orElseThrow();
            return x.get("shop.find", db.params().put("id", id), Mappers::shop).orElseThrow();
        });
    }

    @Override
    public Optional<Shop> findShop(long id) {
        return db.read(x -> x.get("shop.find", db.params().put("id", id), Mappers::shop));
    }

    @Override
    public Page<Shop> listShops(ShopQuery query, PageRequest page) {
        String name = query.nameContains() == null || query.nameContains().isBlank() ? null
                : "%" + Like.escape(query.nameContains().trim().toLowerCase(Locale.ROOT)) + "%";
        Params p = db.params()
                .put("platform", query.platform() == null || query.platform().isBlank() ? null : query.platform().trim())
                .put("name_like", name)
                .put("include_disabled", query.includeDisabled());
        return db.read(x -> x.page("shop.list", "shop.count", p, page, Mappers::shop));
    }

    @Override
    public Optional<Shop> updateShop(Shop shop) {
        return db.tx(x -> {
            Params p = credentials(db.params(), shop.apiKey(), shop.apiSecret(), shop.accessToken())
                    .put("id", shop.id()).put("name", shop.name()).put("platform", shop.platform())
                    .put("store_url", shop.storeUrl()).put("timezone", shop.timezone()).put("now", db.now());
            if (x.dml("shop.update", p) == 0) {
                return Optional.empty();
            }
            return x.get("shop.find", db.params().put("id", shop.id()), Mappers::shop);
        });
    }

    @Override
    public boolean setShopStatus(long id, ShopStatus status) {
        return db.write(x -> x.dml("shop.set-status",
                db.params().put("id", id).put("status", status).put("now", db.now())) > 0);
    }

    private static Params credentials(Params p, Credential apiKey, Credential apiSecret, Credential accessToken) {
        return p.put("api_key_sealed", apiKey == null ? null : apiKey.sealed())
                .put("api_key_hint", apiKey == null ? null : apiKey.hint())
                .put("api_secret_sealed", apiSecret == null ? null : apiSecret.sealed())
                .put("api_secret_hint", apiSecret == null ? null : apiSecret.hint())
                .put("access_token_sealed", accessToken == null ? null : accessToken.sealed())
                .put("access_token_hint", accessToken == null ? null : accessToken.hint());
    }
}
