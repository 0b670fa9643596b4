package io.trackctl.store;

import io.trackctl.core.model.Credential;
import io.trackctl.core.model.NewShop;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.Shop;
import io.trackctl.core.model.ShopQuery;
import io.trackctl.core.model.ShopStatus;
import io.trackctl.core.port.ShopStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link ShopStore} contract. */
public abstract class ShopStoreContract extends StoreContractTest {

    @Test
    void aCreatedShopIsFoundWithItsSealedCredentialsAndHints() {
        Shop created = store.shops().create(new NewShop("Acme", "shopify", "https://acme.example", "Europe/Berlin",
                new Credential("sealed-key", "1234"), new Credential("sealed-secret", "abcd"), null));

        Shop found = store.shops().findShop(created.id()).orElseThrow();

        assertThat(found.name()).isEqualTo("Acme");
        assertThat(found.timezone()).isEqualTo("Europe/Berlin");
        assertThat(found.status()).isEqualTo(ShopStatus.ACTIVE);
        assertThat(found.apiKey()).isEqualTo(new Credential("sealed-key", "1234"));
        assertThat(found.apiSecret()).isEqualTo(new Credential("sealed-secret", "abcd"));
        assertThat(found.accessToken()).isNull();
        assertThat(found.createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void listingFiltersByPlatformAndNameAndHidesDisabledShopsUnlessAsked() {
        Shop a = store.shops().create(new NewShop("Blue Mugs", "Shopify", null, null, null, null, null));
        Shop b = store.shops().create(new NewShop("Red Mugs", "woocommerce", null, null, null, null, null));
        Shop c = store.shops().create(new NewShop("Blue Hats", "shopify", null, null, null, null, null));
        store.shops().setShopStatus(c.id(), ShopStatus.DISABLED);

        assertThat(ids(store.shops().listShops(new ShopQuery("shopify", null, false), PageRequest.FIRST)))
                .containsExactly(a.id());
        assertThat(ids(store.shops().listShops(new ShopQuery("SHOPIFY", null, true), PageRequest.FIRST)))
                .containsExactly(a.id(), c.id());
        assertThat(ids(store.shops().listShops(new ShopQuery(null, "mugs", true), PageRequest.FIRST)))
                .containsExactly(a.id(), b.id());
    }

    @Test
    void pagesCarryTheTotalOverAllPages() {
        for (int i = 0; i < 5; i++) {
            aShop();
        }
        Page<Shop> second = store.shops().listShops(ShopQuery.ALL, PageRequest.of(2, 2));

        assertThat(second.total()).isEqualTo(5);
        assertThat(second.items()).hasSize(2);
        assertThat(store.shops().listShops(ShopQuery.ALL, PageRequest.of(3, 2)).items()).hasSize(1);
    }

    @Test
    void updatingReplacesTheFieldsAndAMissingShopGivesNothing() {
        Shop s = aShop();
        Shop changed = new Shop(s.id(), "Renamed", "custom", "https://x.example", "Asia/Tokyo", s.status(),
                new Credential("new-sealed", "9876"), null, null, s.createdAt(), s.updatedAt());

        Shop updated = store.shops().updateShop(changed).orElseThrow();

        assertThat(updated.name()).isEqualTo("Renamed");
        assertThat(updated.apiKey().sealed()).isEqualTo("new-sealed");
        assertThat(store.shops().updateShop(new Shop(s.id() + 1000, "x", null, null, null, ShopStatus.ACTIVE,
                null, null, null, null, null))).isEmpty();
        assertThat(store.shops().setShopStatus(s.id() + 1000, ShopStatus.DISABLED)).isFalse();
        assertThat(store.shops().setShopStatus(s.id(), ShopStatus.DISABLED)).isTrue();
        assertThat(store.shops().findShop(s.id()).orElseThrow().active()).isFalse();
    }

    private static java.util.List<Long> ids(Page<Shop> page) {
        return page.items().stream().map(Shop::id).toList();
    }
}
