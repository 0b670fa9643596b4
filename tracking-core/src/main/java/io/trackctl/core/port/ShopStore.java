package io.trackctl.core.port;

import io.trackctl.core.model.NewShop;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.Shop;
import io.trackctl.core.model.ShopQuery;
import io.trackctl.core.model.ShopStatus;
import java.util.Optional;

/** Storage of shops. */
public interface ShopStore {

    Shop create(NewShop shop);

    Optional<Shop> findShop(long id);

    Page<Shop> listShops(ShopQuery query, PageRequest page);

    /** Replaces name, platform, URL, timezone and credentials; empty when the shop does not exist. */
    Optional<Shop> updateShop(Shop shop);

    /** Sets the status; false when the shop does not exist. */
    boolean setShopStatus(long id, ShopStatus status);
}
