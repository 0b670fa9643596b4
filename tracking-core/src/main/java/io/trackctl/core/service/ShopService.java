package io.trackctl.core.service;

import io.trackctl.core.crypto.SecretBox;
import io.trackctl.core.model.Credential;
import io.trackctl.core.model.NewShop;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.Shop;
import io.trackctl.core.model.ShopQuery;
import io.trackctl.core.model.ShopStatus;
import io.trackctl.core.port.ShopStore;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Shops: administrators manage them; a shop caller sees only its own. Credentials are sealed with
 * the {@link SecretBox} before they reach the store and are never handed back in clear.
 */
public final class ShopService {

    private final ShopStore shops;
    private final SecretBox box;

    public ShopService(ShopStore shops, SecretBox box) {
        this.shops = Objects.requireNonNull(shops, "shops");
        this.box = Objects.requireNonNull(box, "box");
    }

    public Shop create(Caller caller, ShopInput input) {
        caller.requireAdmin("create shops");
        Validator v = new Validator();
        String name = v.text("shopName", input.shopName(), true, 200);
        String platform = platform(v, input.platform());
        String url = v.url("storeUrl", input.storeUrl());
        String zone = v.zone("timezone", input.timezone());
        credentialLength(v, input);
        v.check();
        return shops.create(new NewShop(name, platform, url, zone, box.seal(input.apiKey()),
                box.seal(input.apiSecret()), box.seal(input.accessToken())));
    }

    /** Lists shops; a shop caller gets at most its own shop, filtered the same way. */
    public Page<Shop> list(Caller caller, ShopQuery query, PageRequest page) {
        if (caller.isAdmin()) {
            return shops.listShops(query, page);
        }
        List<Shop> own = shops.findShop(caller.shopId())
                .filter(s -> matches(s, query))
                .stream().toList();
        List<Shop> window = page.page() == 1 ? own : List.of();
        return Page.of(window, page, own.size());
    }

    public Shop get(Caller caller, long id) {
        return shops.findShop(id)
                .filter(s -> caller.canSee(s.id()))
                .orElseThrow(() -> new NotFoundException("shop", id));
    }

    /** Replaces the shop's fields; credentials follow {@link ShopInput}'s keep/remove rule. */
    public Shop update(Caller caller, long id, ShopInput input) {
        caller.requireAdmin("change shops");
        Shop current = shops.findShop(id).orElseThrow(() -> new NotFoundException("shop", id));
        Validator v = new Validator();
        String name = v.text("shopName", input.shopName(), true, 200);
        String platform = platform(v, input.platform());
        String url = v.url("storeUrl", input.storeUrl());
        String zone = v.zone("timezone", input.timezone());
        credentialLength(v, input);
        v.check();
        Shop changed = new Shop(current.id(), name, platform, url, zone, current.status(),
                reseal(current.apiKey(), input.apiKey()), reseal(current.apiSecret(), input.apiSecret()),
                reseal(current.accessToken(), input.accessToken()), current.createdAt(), current.updatedAt());
        return shops.updateShop(changed).orElseThrow(() -> new NotFoundException("shop", id));
    }

    /** Soft delete: the shop keeps its data, takes no new tracking numbers, and is listed as disabled. */
    public Shop disable(Caller caller, long id) {
        caller.requireAdmin("delete shops");
        if (!shops.setShopStatus(id, ShopStatus.DISABLED)) {
            throw new NotFoundException("shop", id);
        }
        return shops.findShop(id).orElseThrow(() -> new NotFoundException("shop", id));
    }

    /** The clear value of a stored credential, for the code that calls the shop's platform. */
    public String reveal(Credential credential) {
        return credential == null ? null : box.decrypt(credential.sealed());
    }

    private Credential reseal(Credential current, String clear) {
        if (clear == null) {
            return current;
        }
        return box.seal(clear);
    }

    private static String platform(Validator v, String raw) {
        String p = v.text("platform", raw, true, 50);
        return p == null ? null : p.toLowerCase(Locale.ROOT);
    }

    private static void credentialLength(Validator v, ShopInput input) {
        checkSecret(v, "apiKey", input.apiKey());
        checkSecret(v, "apiSecret", input.apiSecret());
        checkSecret(v, "accessToken", input.accessToken());
    }

    private static void checkSecret(Validator v, String field, String value) {
        if (value != null && value.length() > 4096) {
            v.add(field, "must be at most 4096 characters");
        }
    }

    private static boolean matches(Shop s, ShopQuery q) {
        if (q == null) {
            return true;
        }
        if (!q.includeDisabled() && !s.active()) {
            return false;
        }
        if (q.platform() != null && !q.platform().equalsIgnoreCase(s.platform())) {
            return false;
        }
        return q.nameContains() == null
                || s.name().toLowerCase(Locale.ROOT).contains(q.nameContains().toLowerCase(Locale.ROOT));
    }
}
